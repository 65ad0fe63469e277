-- A name query matches where a name starts with it (a range of member_name_path, read in name order, so the first page
-- of a common family name is its first rows) or at a later word of the name (this index: the phrases from the second
-- word on). The index of every word's phrase (V12) also held the first words', and a family name as common as 'nguyen'
-- made a lookup join the lists of thousands of phrases: 258 ms in a province of 408,518 members, 371 ms through the
-- gateway. Candidates keep V12's index: they are few.
CREATE FUNCTION name_inner_phrases(name varchar) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT array_agg(left(array_to_string(w[i:i + 2], ' '), 100))
          FROM (SELECT string_to_array(name, ' ') AS w) s, generate_subscripts(s.w, 1) AS i WHERE i > 1 $$;
CREATE FUNCTION name_inner_matches(name varchar, query text) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT array_to_tsvector(name_inner_phrases(name)) @@ query::tsquery $$;
CREATE INDEX member_name_inner_phrases ON member USING gin (array_to_tsvector(name_inner_phrases(search_name)));
DROP INDEX member_name_phrases;
ANALYZE member;
