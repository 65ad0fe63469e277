package vn.grassroots.meetings.domain;

/** The counts of a meeting's attendance, one roster member at a time: expected, present, excused and unexcused. */
public final class Attendance {
    private int expected;
    private int expectedOfficial;
    private int present;
    private int presentOfficial;
    private int absentExcused;
    private int absentUnexcused;

    /** Counts one member of the roster, official or probationary, with their mark. */
    public void count(boolean official, AttendanceStatus status) {
        expected++;
        expectedOfficial += official ? 1 : 0;
        switch (status) {
            case PRESENT -> {
                present++;
                presentOfficial += official ? 1 : 0;
            }
            case ABSENT_EXCUSED -> absentExcused++;
            case ABSENT_UNEXCUSED -> absentUnexcused++;
        }
    }

    public int expected() {
        return expected;
    }

    public int expectedOfficial() {
        return expectedOfficial;
    }

    public int present() {
        return present;
    }

    public int presentOfficial() {
        return presentOfficial;
    }

    public int absentExcused() {
        return absentExcused;
    }

    public int absentUnexcused() {
        return absentUnexcused;
    }

    public boolean quorumMet(Quorum quorum) {
        return quorum.met(presentOfficial, expectedOfficial);
    }
}
