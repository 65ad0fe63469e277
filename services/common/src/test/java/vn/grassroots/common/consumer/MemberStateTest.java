package vn.grassroots.common.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MemberStateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = "7b0e4c62-5a4f-4b8e-9d57-1f7e1f3c0a01";
    private static final String CELL = "7b0e4c62-5a4f-4b8e-9d57-1f7e1f3c0a02";
    private static final String HOST = "7b0e4c62-5a4f-4b8e-9d57-1f7e1f3c0a03";

    private static JsonNode json(String s) {
        try {
            return JSON.readTree(s.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String member(String extra) {
        return "{'id':'" + ID + "','organizationId':'" + CELL + "','fullName':'Lò Văn Đếm','status':'OFFICIAL','version':3" + extra + "}";
    }

    @Test
    void aStateRecordCarriesTheMemberAsItsDataAndAnEventAsDataMember() {
        JsonNode state = json("{'id':'e1','type':'vn.grassroots.member.state','data':" + member("") + "}");
        JsonNode event = json("{'id':'e2','type':'vn.grassroots.member.status-changed','data':{'member':" + member("") + "}}");
        JsonNode other = json("{'id':'e3','type':'vn.grassroots.meeting.held','data':{'member':" + member("") + "}}");
        assertEquals(UUID.fromString(ID), MemberState.read(MemberState.data(state)).id());
        assertEquals(MemberState.read(MemberState.data(state)), MemberState.read(MemberState.data(event)));
        assertNull(MemberState.data(other), "another kind of event is not a member record");
    }

    @Test
    void ofGivesTheMemberNothingForAnotherKindOfEventAndPoisonForAnIncompleteMember() {
        assertEquals(UUID.fromString(ID), MemberState.of(json("{'id':'e1','type':'vn.grassroots.member.state','data':" + member("") + "}")).id());
        assertNull(MemberState.of(json("{'id':'e3','type':'vn.grassroots.meeting.held','data':{}}")));
        PoisonRecord poison = assertThrows(PoisonRecord.class,
                () -> MemberState.of(json("{'id':'e2','type':'vn.grassroots.member.registered','data':{'member':{'id':'" + ID + "'}}}")));
        assertEquals(MemberState.REFUSED, poison.getMessage());
    }

    @Test
    void readsEveryFieldWithTheTemporaryHosts() {
        MemberState m = MemberState.read(json(member(",'temporaryHosts':[{'organizationId':'" + HOST + "','until':'2030-01-01'},"
                + "{'organizationId':'" + HOST + "','until':null}]")));
        assertEquals(new MemberState(UUID.fromString(ID), UUID.fromString(CELL), "Lò Văn Đếm", "OFFICIAL", 3,
                List.of(new MemberState.TemporaryHost(UUID.fromString(HOST), LocalDate.of(2030, 1, 1)),
                        new MemberState.TemporaryHost(UUID.fromString(HOST), null))), m);
    }

    @Test
    void anIncompleteOrMalformedMemberReadsAsNullAndNeverThrows() {
        for (String bad : List.of(
                "'x'",
                "{'organizationId':'" + CELL + "','fullName':'A','status':'OFFICIAL','version':1}",
                member("").replace(ID, "not-a-uuid"),
                member("").replace("'Lò Văn Đếm'", "'  '"),
                member("").replace("'OFFICIAL'", "null"),
                member("").replace("'version':3", "'version':'3'"),
                member("").replace("'version':3", "'version':-1"),
                member(",'temporaryHosts':[{'organizationId':'nope'}]"),
                member(",'temporaryHosts':[{'organizationId':'" + HOST + "','until':'soon'}]"))) {
            assertNull(MemberState.read(json(bad)), bad);
        }
        assertNull(MemberState.read(null));
    }

    @Test
    void lenientFieldReaders() {
        JsonNode n = json("{'u':'" + ID + "','d':'2026-12-03','blank':' ','num':7,'neg':-2,'txt':'7'}");
        assertEquals(UUID.fromString(ID), EventFields.uuid(n.path("u")));
        assertNull(EventFields.uuid(n.path("d")));
        assertNull(EventFields.uuid(n.path("missing")));
        assertEquals(LocalDate.of(2026, 12, 3), EventFields.date(n.path("d")));
        assertNull(EventFields.date(n.path("u")));
        assertNull(EventFields.text(n.path("blank")));
        assertEquals(7, EventFields.version(n.path("num")));
        assertEquals(-1, EventFields.version(n.path("neg")));
        assertEquals(-1, EventFields.version(n.path("txt")));
    }
}
