-- A one-word query ('van', 'h') matches a later word of most names: 50,000 of a province's 408,518 for 'van', 97,410
-- for 'h'. The inner phrases' index (V13) finds them in 11 ms, but then every one of them is read from the heap and
-- sorted: 125 and 237 ms a page. This table holds each name's later words, one row per (member, word), with what a
-- page needs (the path for the subtree, the name and id for the order), in two indexes read alone: for a small subtree
-- the range of its paths under each word of the query's prefix, then a sort; for a large one (a province, the nation)
-- each word's names in order, keeping those in the subtree, until a page is full (MemberWordRepository). The triggers
-- keep the table equal to member.
-- C collation: the same order as member.search_name's C.UTF-8 (code points), compared as bytes, so the sort is cheap.
CREATE TABLE member_word (
    word        varchar(200) COLLATE "C" NOT NULL,
    org_path    varchar(2000) COLLATE "C",
    search_name varchar(200) COLLATE "C" NOT NULL,
    member_id   uuid NOT NULL
);

CREATE FUNCTION name_later_words(name varchar) RETURNS SETOF varchar LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT DISTINCT w FROM unnest((string_to_array(name, ' '))[2:]) AS w WHERE w <> '' $$;

INSERT INTO member_word (word, org_path, search_name, member_id)
    SELECT w, m.org_path, m.search_name, m.id FROM member m, name_later_words(m.search_name) AS w;
CREATE INDEX member_word_path ON member_word (word, org_path) INCLUDE (search_name, member_id);
CREATE INDEX member_word_name ON member_word (word, search_name, member_id) INCLUDE (org_path);
CREATE INDEX member_word_member ON member_word (member_id);

CREATE FUNCTION member_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.search_name = OLD.search_name THEN
        UPDATE member_word SET org_path = NEW.org_path WHERE member_id = NEW.id; -- a move: the same words elsewhere
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM member_word WHERE member_id = OLD.id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO member_word (word, org_path, search_name, member_id)
            SELECT w, NEW.org_path, NEW.search_name, NEW.id FROM name_later_words(NEW.search_name) AS w;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER member_words_insert_delete AFTER INSERT OR DELETE ON member
    FOR EACH ROW EXECUTE FUNCTION member_words();
-- org_path changes through member_org_path (a transfer) or org_ref_member_paths (a move), not always in the SET list
CREATE TRIGGER member_words_update AFTER UPDATE ON member
    FOR EACH ROW WHEN (OLD.search_name IS DISTINCT FROM NEW.search_name OR OLD.org_path IS DISTINCT FROM NEW.org_path)
    EXECUTE FUNCTION member_words();
ANALYZE member_word;
