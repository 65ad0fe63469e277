package vn.grassroots.common.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The meetings service's held and absence-unexcused events as the other services read them. */
class MeetingPayloadsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID MEETING = UUID.fromString("5d1c1e2a-7f0b-4c55-8d0e-2a9b7c1d0001");
    private static final UUID CELL = UUID.fromString("5d1c1e2a-7f0b-4c55-8d0e-2a9b7c1d0002");
    private static final UUID MEMBER = UUID.fromString("5d1c1e2a-7f0b-4c55-8d0e-2a9b7c1d0003");

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s.replace('\'', '"'));
    }

    @Test
    void aHeldMeetingWithItsAttendance() throws Exception {
        MeetingHeld held = MeetingHeld.read(json("{'meeting':{'id':'" + MEETING + "','organizationId':'" + CELL + "','kind':'REGULAR',"
                + "'meetingDate':'2026-03-05','version':4},'attendance':{'members':[{'memberId':'" + MEMBER + "','status':'PRESENT'},"
                + "{'memberId':'bad','status':'PRESENT'}],'superiorAttendeeIds':['" + MEMBER + "','bad']}}"));
        assertEquals(new MeetingHeld(MEETING, CELL, "REGULAR", LocalDate.of(2026, 3, 5), 2026, 4,
                List.of(new MeetingHeld.Attendance(MEMBER, "PRESENT")), List.of(MEMBER)), held);
    }

    @Test
    void withoutAMeetingDateTheYearIsThatOfItsStartInVietnam() throws Exception {
        // 31 December 2025, 18:00 UTC is already 1 January 2026 in Hà Nội
        MeetingHeld held = MeetingHeld.read(json("{'meeting':{'id':'" + MEETING + "','startsAt':'2025-12-31T18:00:00Z'}}"));
        assertEquals(2026, held.year());
        assertNull(held.meetingDate());
        assertNull(held.members(), "no attendance list");
        assertEquals(-1, held.version());
        assertNull(MeetingHeld.read(json("{'meeting':{'startsAt':'soon'}}")).year());
    }

    @Test
    void anUnexcusedAbsenceReadLeniently() throws Exception {
        assertEquals(new UnexcusedAbsence(MEMBER, MEETING, CELL, "2026-03", "2026-03-05"), UnexcusedAbsence.read(json(
                "{'memberId':'" + MEMBER + "','month':'2026-03','meeting':{'id':'" + MEETING + "','organizationId':'" + CELL
                        + "','meetingDate':'2026-03-05'}}")));
        assertEquals(new UnexcusedAbsence(null, null, null, "", ""), UnexcusedAbsence.read(json("{'memberId':42}")));
    }
}
