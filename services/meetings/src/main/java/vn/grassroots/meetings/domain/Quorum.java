package vn.grassroots.meetings.domain;

/**
 * The quorum of a held meeting: the official members present are at least numerator/denominator of the official members
 * summoned (probationary members and the exempt are not counted); with no official member summoned there is no quorum.
 */
public record Quorum(int numerator, int denominator) {
    public boolean met(int presentOfficial, int expectedOfficial) {
        return expectedOfficial > 0 && (long) presentOfficial * denominator >= (long) numerator * expectedOfficial;
    }
}
