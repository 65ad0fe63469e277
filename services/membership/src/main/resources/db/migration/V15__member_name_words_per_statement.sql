-- V14's row triggers ran a function and an insert per member, and each insert went to a random place of the name
-- index and of the member index: a province of 44,000 members loaded in 102 s instead of 10-18 with 5.2 million
-- members there. Now one statement of member_word per statement of member, from its transition tables (as the
-- counting triggers, V7), its rows in the name index's order; a member's rows are found by its words and name in that
-- index, so the member index goes.
DROP TRIGGER member_words_insert_delete ON member;
DROP TRIGGER member_words_update ON member;
DROP FUNCTION member_words();
DROP INDEX member_word_member;

CREATE FUNCTION member_words_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO member_word (word, org_path, search_name, member_id)
        SELECT w, n.org_path, n.search_name, n.id FROM new_members n, name_later_words(n.search_name) AS w
        ORDER BY 1, 3, 4;
    RETURN NULL;
END $$;

CREATE FUNCTION member_words_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM member_word mw USING old_members o, name_later_words(o.search_name) AS w
        WHERE mw.word = w AND mw.search_name = o.search_name AND mw.member_id = o.id;
    RETURN NULL;
END $$;

-- org_path changes through member_org_path (a transfer) or org_ref_member_paths (a move), not always in the SET list
CREATE FUNCTION member_words_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- a move or a transfer: the same words elsewhere
    UPDATE member_word mw SET org_path = n.org_path
        FROM old_members o JOIN new_members n ON n.id = o.id, name_later_words(o.search_name) AS w
        WHERE mw.word = w AND mw.search_name = o.search_name AND mw.member_id = o.id
          AND n.search_name = o.search_name AND n.org_path IS DISTINCT FROM o.org_path;
    -- a new name: its words anew
    DELETE FROM member_word mw USING old_members o JOIN new_members n ON n.id = o.id, name_later_words(o.search_name) AS w
        WHERE mw.word = w AND mw.search_name = o.search_name AND mw.member_id = o.id AND n.search_name <> o.search_name;
    INSERT INTO member_word (word, org_path, search_name, member_id)
        SELECT w, n.org_path, n.search_name, n.id
        FROM old_members o JOIN new_members n ON n.id = o.id, name_later_words(n.search_name) AS w
        WHERE n.search_name <> o.search_name
        ORDER BY 1, 3, 4;
    RETURN NULL;
END $$;

CREATE TRIGGER member_words_insert AFTER INSERT ON member REFERENCING NEW TABLE AS new_members
    FOR EACH STATEMENT EXECUTE FUNCTION member_words_after_insert();
CREATE TRIGGER member_words_update AFTER UPDATE ON member REFERENCING OLD TABLE AS old_members NEW TABLE AS new_members
    FOR EACH STATEMENT EXECUTE FUNCTION member_words_after_update();
CREATE TRIGGER member_words_delete AFTER DELETE ON member REFERENCING OLD TABLE AS old_members
    FOR EACH STATEMENT EXECUTE FUNCTION member_words_after_delete();
