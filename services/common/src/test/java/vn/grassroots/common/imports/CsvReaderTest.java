package vn.grassroots.common.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reader the imports use: cells as RFC 4180 has them, and the file line where each record starts. */
class CsvReaderTest {
    static List<CsvReader.Record> all(String text) {
        CsvReader r = new CsvReader(text);
        List<CsvReader.Record> out = new ArrayList<>();
        for (CsvReader.Record rec = r.next(); rec != null; rec = r.next()) {
            out.add(rec);
        }
        return out;
    }

    static CsvReader.Record rec(int line, String... cells) {
        return new CsvReader.Record(line, List.of(cells));
    }

    @Test
    void eachRecordStartsOnItsFileLineWhenQuotedCellsSpanLinesWithLf() {
        String text = "a,\"x\ny\nz\",b\nc,d\n\"e\n\",f\ng";
        assertEquals(List.of(rec(1, "a", "x\ny\nz", "b"), rec(4, "c", "d"), rec(5, "e\n", "f"), rec(7, "g")), all(text));
    }

    @Test
    void crlfCountsOnceAndStaysInsideAQuotedCell() {
        String text = "a,\"x\r\ny\",b\r\nc,d\r\n\"\r\n\r\n\"\r\ne\r\n";
        assertEquals(List.of(rec(1, "a", "x\r\ny", "b"), rec(3, "c", "d"), rec(4, "\r\n\r\n"), rec(7, "e")), all(text));
    }

    @Test
    void lfCrlfAndALoneCrEndRecordsAlikeInOneFile() {
        assertEquals(List.of(rec(1, "a"), rec(2, "b"), rec(3, "c"), rec(4, "d")), all("a\r\nb\nc\rd"));
        // a lone CR inside a quoted cell is a line break too (editors count it so)
        assertEquals(List.of(rec(1, "x\ry", "z"), rec(3, "q")), all("\"x\ry\",z\nq"));
    }

    @Test
    void aLeadingByteOrderMarkIsSkippedOnce() {
        assertEquals(List.of(rec(1, "Mã", "Tên"), rec(2, "1", "An")), all("\uFEFFMã,Tên\r\n1,An\r\n"));
        assertEquals(List.of(rec(1, "\uFEFFa")), all("\uFEFF\uFEFFa"));
        assertEquals(List.of(rec(1, "a", "\uFEFFb")), all("a,\uFEFFb"), "only at the start of the file");
        assertEquals(List.of(), all("\uFEFF"));
        assertEquals(List.of(rec(1, "quoted")), all("\uFEFF\"quoted\""));
    }

    @Test
    void doubledQuotesInsideAQuotedCellAreOneQuote() {
        assertEquals(List.of(rec(1, "He said \"hi\"", "\"", "", "a,b")), all("\"He said \"\"hi\"\"\",\"\"\"\",\"\",\"a,b\""));
    }

    @Test
    void vietnameseTextIsKeptAsWritten() {
        String nfd = Normalizer.normalize("Nguyễn Thị Ánh", Normalizer.Form.NFD);
        List<CsvReader.Record> records = all("Họ và tên,Địa chỉ,Ghi chú\n" + nfd + ",\"Hà Nội, Việt Nam\",\"Ốm\nnằm viện\"\n");
        assertEquals(List.of(rec(1, "Họ và tên", "Địa chỉ", "Ghi chú"), rec(2, nfd, "Hà Nội, Việt Nam", "Ốm\nnằm viện")), records);
        assertEquals(nfd, records.get(1).cells().get(0), "combining marks are not composed");
    }

    @Test
    void blankLinesAreBlankRecordsOnTheirOwnLines() {
        List<CsvReader.Record> records = all("a\n\n  \n\"\"\n,\nb\n\n");
        assertEquals(List.of(rec(1, "a"), rec(2, ""), rec(3, "  "), rec(4, ""), rec(5, "", ""), rec(6, "b"), rec(7, "")), records);
        assertEquals(List.of(false, true, true, true, false, false, true), records.stream().map(CsvReader.Record::isBlank).toList());
    }

    @Test
    void theEndOfTheTextIsNullAndStaysNull() {
        assertNull(new CsvReader("").next());
        CsvReader r = new CsvReader("a,b\n");
        assertEquals(rec(1, "a", "b"), r.next());
        assertNull(r.next());
        assertNull(r.next());
        assertEquals(List.of(rec(1, "a", "")), all("a,"), "a trailing comma is an empty last cell");
    }

    @Test
    void oddQuotesAreReadLeniently() {
        assertEquals(List.of(rec(1, "a\"b", "c")), all("a\"b,c"), "a quote inside an unquoted cell is kept");
        assertEquals(List.of(rec(1, "abc", "d")), all("\"ab\"c,d"), "text after the closing quote is appended");
        assertEquals(List.of(rec(1, " \"a\"", "b")), all(" \"a\",b"), "a quote after a space does not open a quoted cell");
        assertEquals(List.of(rec(1, "x"), rec(2, "open\nto the\nend")), all("x\n\"open\nto the\nend"), "an unclosed quote runs to the end");
    }

    @Test
    void cellsAreNotTrimmed() {
        CsvReader.Record r = all(" a , b ,\t").get(0);
        assertEquals(List.of(" a ", " b ", "\t"), r.cells());
        assertFalse(r.isBlank());
        assertTrue(rec(9, " \t").isBlank());
    }
}
