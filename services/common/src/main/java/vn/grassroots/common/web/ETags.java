package vn.grassroots.common.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.EntityTag;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jboss.resteasy.reactive.RestResponse;
import vn.grassroots.common.problem.ProblemException;

/** Optimistic concurrency over HTTP: the ETag is the entity version, updates must send it back. */
public final class ETags {
    private ETags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    public static EntityTag tag(long version) {
        return new EntityTag(String.valueOf(version));
    }

    /** 200 with the entity and its ETag; typed, so that the OpenAPI document describes the entity. */
    public static <T> RestResponse<T> ok(T entity, long version) {
        return RestResponse.ResponseBuilder.ok(entity).tag(tag(version)).build();
    }

    public static <T extends Versioned> RestResponse<T> ok(T entity) {
        return ok(entity, entity.version());
    }

    /** A read: 304 when the caller already holds this version (If-None-Match), else 200 with the ETag. */
    public static <T> RestResponse<T> read(T entity, long version, String ifNoneMatch) {
        if (of(version).equals(ifNoneMatch)) {
            return RestResponse.ResponseBuilder.<T>notModified().tag(tag(version)).build();
        }
        return ok(entity, version);
    }

    /**
     * A read of something without a version (a page of a delta sync): its ETag is a hash of its JSON, so that it changes
     * whenever the content does; 304 when the caller holds that content already (If-None-Match).
     */
    public static <T> RestResponse<T> readContent(T content, ObjectMapper json, String ifNoneMatch) {
        String tag;
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(content));
            tag = HexFormat.of().formatHex(d, 0, 16);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        if (ifNoneMatch != null && ifNoneMatch.replace("W/", "").replace("\"", "").trim().equals(tag)) {
            return RestResponse.ResponseBuilder.<T>notModified().tag(new EntityTag(tag)).build();
        }
        return RestResponse.ResponseBuilder.ok(content).tag(new EntityTag(tag)).build();
    }

    /** For updates: If-Match is required (428 without it) and must name the current version (412). */
    public static void require(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "if-match-required", "Precondition required",
                    "send the If-Match header with the ETag you read, so that concurrent changes are not overwritten");
        }
        check(ifMatch, currentVersion);
    }

    /** For actions where If-Match is optional: checked when present. */
    public static void check(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        String v = ifMatch.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        long expected;
        try {
            expected = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("bad-if-match", "If-Match must be an ETag such as \"3\"");
        }
        if (expected != currentVersion) {
            throw new ProblemException(412, "stale-version", "Precondition failed",
                    "the resource is at version " + currentVersion + ", not " + expected
                            + "; read it again and retry with its new ETag");
        }
    }
}
