package vn.grassroots.common.consumer;

/** A record that can never be applied as it is: it goes to the dead-letter topic with {@link #getMessage()} as reason. */
public class PoisonRecord extends RuntimeException {
    public PoisonRecord(String reason) {
        super(reason, null, false, false);
    }
}
