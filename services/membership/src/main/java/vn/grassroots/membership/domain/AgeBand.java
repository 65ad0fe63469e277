package vn.grassroots.membership.domain;

import java.time.LocalDate;

/** Age bands (độ tuổi) used by filters and statistics; ages in full years on the day asked. */
public enum AgeBand {
    UNDER_30(0, 29), FROM_30_TO_40(30, 40), FROM_41_TO_50(41, 50), FROM_51_TO_60(51, 60), OVER_60(61, 200);

    public final int minAge;
    public final int maxAge;

    AgeBand(int minAge, int maxAge) {
        this.minAge = minAge;
        this.maxAge = maxAge;
    }

    /** Birth dates of this band on {@code today}: born after {@link #bornAfter} and on or before {@link #bornOnOrBefore}. */
    public LocalDate bornOnOrBefore(LocalDate today) {
        return today.minusYears(minAge);
    }

    public LocalDate bornAfter(LocalDate today) {
        return today.minusYears(maxAge + 1L);
    }
}
