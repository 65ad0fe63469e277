package vn.grassroots.membership.domain;

import java.time.LocalDate;
import vn.grassroots.common.report.Labelled;

/** Age bands (độ tuổi) used by filters and statistics; ages in full years on the day asked. */
public enum AgeBand implements Labelled {
    UNDER_30(0, 29, "Dưới 30 tuổi"), FROM_30_TO_40(30, 40, "Từ 30 đến 40 tuổi"), FROM_41_TO_50(41, 50, "Từ 41 đến 50 tuổi"),
    FROM_51_TO_60(51, 60, "Từ 51 đến 60 tuổi"), OVER_60(61, 200, "Trên 60 tuổi");

    public final int minAge;
    public final int maxAge;
    private final String vietnamese;

    AgeBand(int minAge, int maxAge, String vietnamese) {
        this.minAge = minAge;
        this.maxAge = maxAge;
        this.vietnamese = vietnamese;
    }

    @Override
    public String vietnamese() {
        return vietnamese;
    }

    /** Birth dates of this band on {@code today}: born after {@link #bornAfter} and on or before {@link #bornOnOrBefore}. */
    public LocalDate bornOnOrBefore(LocalDate today) {
        return today.minusYears(minAge);
    }

    public LocalDate bornAfter(LocalDate today) {
        return today.minusYears(maxAge + 1L);
    }
}
