package vn.grassroots.common.imports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.grassroots.common.problem.ProblemException;

/** What every CSV import reads alike, without a service. */
class CsvImportTest {
    static final CsvImport.Columns COLUMNS = new CsvImport.Columns()
            .field("memberId", "Mã đảng viên").field("date", "Ngày họp").field("reason", "Lý do")
            .ignore("Họ và tên").multiLine("reason").required("memberId", "date");

    @Test
    void vietnameseHeadersIgnoringCaseSpacesAndDiacriticsQuotedCellsOverLines() {
        CsvReader r = new CsvReader("\uFEFFma dang vien,HỌ VÀ TÊN,Ngay_hop,Lý do\r\nA,\"Lò, Văn\",05/01/2025,\"Ốm\nnằm viện\"\n\nB,x,2025-01-05,\n");
        String[] fields = COLUMNS.header(r);
        assertArrayEquals(new String[] {"memberId", null, "date", "reason"}, fields);
        CsvReader.Record a = r.next();
        List<RowError> errors = new ArrayList<>();
        Map<String, String> v = COLUMNS.cells(fields, a, errors);
        assertEquals(List.of(), errors);
        assertEquals("Ốm\nnằm viện", v.get("reason"));
        assertEquals(LocalDate.of(2025, 1, 5), CsvImport.date(v, "date", a.line(), errors));
        assertEquals(true, r.next().isBlank());
        CsvReader.Record b = r.next();
        assertEquals(5, b.line());
        assertEquals(LocalDate.of(2025, 1, 5), CsvImport.date(COLUMNS.cells(fields, b, errors), "date", b.line(), errors));
        assertNull(r.next());
    }

    @Test
    void badCellsAreRowErrorsNamingLineAndColumn() {
        String[] fields = {"memberId", "date", "reason"};
        List<RowError> errors = new ArrayList<>();
        Map<String, String> v = COLUMNS.cells(fields, new CsvReader.Record(7, List.of("A\nB", "31/02/2025", "tab\there")), errors);
        assertEquals(List.of("memberId"), errors.stream().map(RowError::field).toList());
        assertNull(CsvImport.date(v, "date", 7, errors));
        assertEquals("is not a date (yyyy-mm-dd or dd/mm/yyyy)", errors.get(1).message());
        assertEquals(7, errors.get(1).line());
        assertNull(COLUMNS.cells(fields, new CsvReader.Record(8, List.of("a", "b", "c", "d")), errors));
        assertEquals("has 4 cells; the header has 3", errors.get(2).message());
    }

    @Test
    void headerModeAndEncodingRefusedAtOnce() {
        ProblemException e = assertThrows(ProblemException.class, () -> COLUMNS.header(new CsvReader("Mã đảng viên,Ghi chú,Mã đảng viên\n")));
        assertEquals("bad-csv-header", e.slug());
        assertEquals(List.of("Ghi chú", "Mã đảng viên", "date"), e.errors().stream().map(f -> f.field()).toList());
        assertEquals("empty-file", assertThrows(ProblemException.class, () -> COLUMNS.header(new CsvReader(""))).slug());
        assertEquals("not-utf8", assertThrows(ProblemException.class, () -> CsvImport.decode(new byte[] {(byte) 0xC3, 0x28})).slug());
        assertEquals("Lý do", CsvImport.decode("Lý do".getBytes(StandardCharsets.UTF_8)));
        assertThrows(ProblemException.class, () -> CsvImport.requireMode("all"));
        CsvImport.requireMode(CsvImport.VALID_ROWS);
    }

    @Test
    void theEstimateCountsLinesAfterTheHeader() {
        assertEquals(2, ImportJobs.estimate("h\na\nb".getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, ImportJobs.estimate("h\na\nb\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(0, ImportJobs.estimate(new byte[0]));
    }
}
