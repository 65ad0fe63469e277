package vn.grassroots.common.web;

/** A representation that carries its version, which is also its ETag. */
public interface Versioned {
    long version();
}
