package vn.grassroots.common.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An organization of the organization service's topics as every read model of the tree reads it. */
class OrganizationNodeParseTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID ROOT = UUID.fromString("3f6f5c1e-9a0b-4b7c-8d2e-000000000001");
    private static final UUID CELL = UUID.fromString("3f6f5c1e-9a0b-4b7c-8d2e-000000000002");
    private static final String CELL_JSON = "{'id':'" + CELL + "','parentId':'" + ROOT + "','path':'/" + ROOT + "/" + CELL + "/',"
            + "'depth':1,'type':'GRASSROOTS_CELL','status':'ACTIVE','name':'Chi bộ thôn Nà Sản','version':2}";

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s.replace('\'', '"'));
    }

    @Test
    void readsAnOrganizationWithOTHERForAMissingSector() throws Exception {
        assertEquals(new OrganizationNode(CELL, ROOT, "/" + ROOT + "/" + CELL + "/", 1, "GRASSROOTS_CELL", "ACTIVE", "Chi bộ thôn Nà Sản",
                "OTHER", 2), OrganizationEvents.parse(json(CELL_JSON)));
        OrganizationNode root = OrganizationEvents.parse(json("{'id':'" + ROOT + "','parentId':null,'path':'/" + ROOT + "/','depth':0,"
                + "'type':'PROVINCIAL_COMMITTEE','status':'ACTIVE','name':'Tỉnh ủy','sector':'PARTY','version':0}"));
        assertNull(root.parentId());
        assertEquals("PARTY", root.sector());
    }

    @Test
    void anIncompleteOrMalformedOrganizationReadsAsNull() throws Exception {
        for (String bad : List.of(CELL_JSON.replace(CELL.toString() + "','parentId'", "x','parentId'"),
                CELL_JSON.replace("'parentId':'" + ROOT + "'", "'parentId':'nope'"),
                CELL_JSON.replace("'depth':1", "'depth':-1"),
                CELL_JSON.replace("'path':'/", "'path':'"),
                CELL_JSON.replace("'Chi bộ thôn Nà Sản'", "' '"),
                CELL_JSON.replace("'version':2", "'version':'2'"),
                "'a string'")) {
            assertNull(OrganizationEvents.parse(json(bad)), bad);
        }
    }

    @Test
    void aMergeReadsItsTargetAndDecisionEachNullWhenNotNamedOrMalformed() throws Exception {
        assertEquals(new Merge(ROOT, "125-QĐ/HU", LocalDate.of(2025, 6, 1)),
                Merge.read(json("{'targetId':'" + ROOT + "','decision':{'number':'125-QĐ/HU','date':'2025-06-01'}}")));
        assertEquals(new Merge(ROOT, null, null), Merge.read(json("{'targetId':'" + ROOT + "'}")));
        assertEquals(new Merge(null, "7", null), Merge.read(json("{'targetId':'x','decision':{'number':'7','date':null}}")));
        assertEquals(new Merge(ROOT, "7", null), Merge.read(json("{'targetId':'" + ROOT + "','decision':{'number':'7','date':'1 June'}}")));
    }
}
