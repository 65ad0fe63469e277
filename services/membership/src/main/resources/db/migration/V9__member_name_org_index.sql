-- A page of the members of a subtree walks the members in name order and keeps those in the subtree. With the path of
-- the member's organization in the name index, that walk reads the index alone (make bench: a district's first page
-- walked ~1,460 entries, each costing a probe of org_ref before). member.org_path is a copy of org_ref.path that the
-- triggers below keep: set from org_ref when a member is written, rewritten when an organization's path changes (a
-- move) or first arrives. A member whose organization is not in the read model yet has none until it arrives.
ALTER TABLE member ADD COLUMN org_path varchar(2000) COLLATE "C";

CREATE FUNCTION member_org_path() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.org_path := (SELECT path FROM org_ref WHERE id = NEW.organization_id);
    RETURN NEW;
END $$;
CREATE TRIGGER member_org_path BEFORE INSERT OR UPDATE OF organization_id ON member
    FOR EACH ROW EXECUTE FUNCTION member_org_path();

CREATE FUNCTION org_ref_member_paths() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE member SET org_path = NEW.path WHERE organization_id = NEW.id AND org_path IS DISTINCT FROM NEW.path;
    RETURN NULL;
END $$;
CREATE TRIGGER org_ref_member_paths AFTER INSERT OR UPDATE OF path ON org_ref
    FOR EACH ROW EXECUTE FUNCTION org_ref_member_paths();

-- The copy is no counted column: the counting trigger is off while it is made (it would find old and new equal).
ALTER TABLE member DISABLE TRIGGER member_counts_update;
UPDATE member m SET org_path = o.path FROM org_ref o WHERE o.id = m.organization_id;
ALTER TABLE member ENABLE TRIGGER member_counts_update;

CREATE INDEX member_name_path ON member (search_name, id) INCLUDE (org_path);
DROP INDEX member_name;

-- A subtree's count and its CSV (every member, by name) read the subtree's range of this one and sort.
CREATE INDEX member_org_path ON member (org_path);
