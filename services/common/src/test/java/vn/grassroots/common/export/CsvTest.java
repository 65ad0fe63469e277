package vn.grassroots.common.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.grassroots.common.imports.CsvReader;

/** CSV as exports write it: no formulas, quotes only where needed, CRLF lines. */
class CsvTest {
    @ParameterizedTest
    @ValueSource(strings = {"=", "+", "-", "@"})
    void aLeadingFormulaCharacterGetsAQuoteMark(String c) {
        assertEquals("'" + c + "SUM(A1:A9)", Csv.cell(c + "SUM(A1:A9)"));
        assertEquals("'" + c, Csv.cell(c));
        assertEquals("a" + c + "b", Csv.cell("a" + c + "b"), "only the first character counts");
    }

    @Test
    void theGuardAppliesToAnyValueAndComesBeforeQuoting() {
        assertEquals("'-5", Csv.cell(-5), "a negative number is text in the export");
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", Csv.cell("=HYPERLINK(\"http://x\",\"y\")"));
        assertEquals("\"'+1,2\"", Csv.cell("+1,2"));
        assertEquals(" =1", Csv.cell(" =1"));
    }

    @Test
    void cellsAreQuotedForACommaAQuoteOrALineBreak() {
        assertEquals("\"Hà Nội, Việt Nam\"", Csv.cell("Hà Nội, Việt Nam"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.cell("say \"hi\""));
        assertEquals("\"\"\"\"", Csv.cell("\""));
        assertEquals("\"Ốm\nnằm viện\"", Csv.cell("Ốm\nnằm viện"));
        assertEquals("\"a\r\nb\"", Csv.cell("a\r\nb"));
        assertEquals("\"a\rb\"", Csv.cell("a\rb"));
    }

    @Test
    void otherCellsAreWrittenAsTheyAre() {
        for (String s : List.of("", "Nguyễn Văn An", " leading and trailing ", "#1", "'quoted'", "tab\there", "a;b")) {
            assertEquals(s, Csv.cell(s));
        }
        assertEquals("12", Csv.cell(12));
        assertEquals("true", Csv.cell(true));
    }

    @Test
    void nullIsAnEmptyCell() {
        assertEquals("", Csv.cell(null));
        assertEquals(",\r\n", Csv.line(null, null));
        assertEquals("a,,b\r\n", Csv.line("a", null, "b"));
    }

    @Test
    void aLineJoinsItsCellsAndEndsInCrlf() {
        assertEquals("\r\n", Csv.line());
        assertEquals("1,\"a,b\",'=x,Tên\r\n", Csv.line(1, "a,b", "=x", "Tên"));
        assertEquals("\uFEFF", Csv.BOM);
    }

    @Test
    void whatIsWrittenReadsBackTheSame() {
        List<String> values = List.of("Lò, Văn", "say \"hi\"", "Ốm\r\nnằm viện", "", " x ", "#");
        String file = Csv.BOM + Csv.line(values.toArray()) + Csv.line("next");
        CsvReader r = new CsvReader(file);
        assertEquals(new CsvReader.Record(1, values), r.next());
        assertEquals(new CsvReader.Record(3, List.of("next")), r.next());
        assertEquals(null, r.next());
    }
}
