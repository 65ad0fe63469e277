package vn.grassroots.common.paging;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list; pass {@code nextCursor} as {@code cursor} to get the next one (null at the end). */
@Schema(description = "A page of results with the cursor of the next page")
public record Page<T>(
        @Schema(required = true) List<T> items,
        @Schema(nullable = true, description = "The cursor of the next page; null on the last page") String nextCursor) {

    /** The same page with each item mapped (a service's result into its API view); the cursor stays. */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), nextCursor);
    }
}
