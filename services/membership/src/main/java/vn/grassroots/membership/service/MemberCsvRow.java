package vn.grassroots.membership.service;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.grassroots.common.imports.CsvImport;
import vn.grassroots.common.imports.CsvReader;
import vn.grassroots.common.imports.RowError;
import vn.grassroots.common.report.Labelled;
import vn.grassroots.membership.domain.Gender;
import vn.grassroots.membership.domain.MemberStatus;
import vn.grassroots.membership.domain.TheoryLevel;

/**
 * A member's row of a CSV file: its columns (by field name or the Vietnamese header the export writes) and how a row
 * reads as a registration request.
 */
final class MemberCsvRow {
    private MemberCsvRow() {}

    /** The columns, by CreateMember field name or Vietnamese header; the export's organization name is ignored. */
    static final CsvImport.Columns COLUMNS = new CsvImport.Columns()
            .field("id").field("email")
            .field("fullName", "Họ và tên", "Họ tên")
            .field("birthDate", "Ngày sinh")
            .field("gender", "Giới tính")
            .field("ethnicity", "Dân tộc")
            .field("religion", "Tôn giáo")
            .field("citizenId", "Số CCCD", "CCCD", "Số căn cước công dân", "Căn cước công dân")
            .field("phone", "Điện thoại", "Số điện thoại")
            .field("homeTown", "Quê quán")
            .field("educationLevel", "Trình độ học vấn", "Học vấn")
            .field("theoryLevel", "Lý luận chính trị", "Trình độ lý luận chính trị")
            .field("occupation", "Nghề nghiệp")
            .field("partyCardNumber", "Số thẻ đảng", "Số thẻ đảng viên")
            .field("admissionDate", "Ngày vào Đảng", "Ngày kết nạp")
            .field("officialDate", "Ngày chính thức")
            .field("organizationId", "Mã chi bộ", "Mã tổ chức đảng")
            .field("status", "Trạng thái")
            .ignore("Tổ chức đảng", "organizationName")
            .required("fullName", "birthDate", "gender", "theoryLevel", "admissionDate", "organizationId", "status");

    static String key(String s) {
        return CsvImport.key(s);
    }

    // A value is read by its code or by the Vietnamese name the CSV export writes (MALE or Nam), accents and case ignored.
    static final Map<String, Gender> GENDERS = byName(Gender.class);
    static final Map<String, TheoryLevel> THEORY = byName(TheoryLevel.class);
    static final Map<String, MemberStatus> STATUSES = byName(MemberStatus.class);

    static {
        THEORY.put("khong", TheoryLevel.NONE);
    }

    private static <E extends Enum<E> & Labelled> Map<String, E> byName(Class<E> type) {
        Map<String, E> names = new HashMap<>();
        for (E e : type.getEnumConstants()) {
            names.put(key(e.name()), e);
            names.put(key(e.vietnamese()), e);
        }
        return names;
    }

    /** The row as a registration request; values that cannot be read are reported and left null. */
    static Commands.CreateMember parse(String[] fields, CsvReader.Record rec, List<RowError> errors) {
        Map<String, String> v = COLUMNS.cells(fields, rec, errors);
        if (v == null) {
            return null;
        }
        int line = rec.line();
        return new Commands.CreateMember(uuid(v, "id", line, errors), v.get("fullName"), date(v, "birthDate", line, errors),
                value(v, "gender", GENDERS, "MALE, FEMALE, Nam or Nữ", line, errors), v.get("ethnicity"), v.get("religion"),
                v.get("citizenId"), v.get("phone"), v.get("email"), v.get("homeTown"), v.get("educationLevel"),
                value(v, "theoryLevel", THEORY, "NONE, ELEMENTARY, INTERMEDIATE, ADVANCED, BACHELOR or Chưa có, Sơ cấp, Trung cấp, Cao cấp, Cử nhân",
                        line, errors),
                v.get("occupation"), v.get("partyCardNumber"), date(v, "admissionDate", line, errors), date(v, "officialDate", line, errors),
                uuid(v, "organizationId", line, errors),
                value(v, "status", STATUSES, "PROBATIONARY, OFFICIAL, EXEMPT or Dự bị, Chính thức, Miễn sinh hoạt", line, errors));
    }

    private static UUID uuid(Map<String, String> v, String field, int line, List<RowError> errors) {
        return CsvImport.uuid(v, field, line, errors);
    }

    private static LocalDate date(Map<String, String> v, String field, int line, List<RowError> errors) {
        return CsvImport.date(v, field, line, errors);
    }

    private static <E> E value(Map<String, String> v, String field, Map<String, E> values, String expected, int line,
            List<RowError> errors) {
        return CsvImport.value(v, field, values, expected, line, errors);
    }
}
