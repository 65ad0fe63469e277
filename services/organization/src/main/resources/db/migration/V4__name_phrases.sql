-- An organization's name is searched as member names are (membership V12): by the phrase of up to three words that
-- starts at each of its words (SearchText.phraseQuery), one lexeme per word. "nam 17 xa 42" is one short list to
-- read ('nam 17 xa'), where the words' index intersected four ('xa' is in most names).
CREATE FUNCTION name_phrases(name varchar) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT array_agg(left(array_to_string(w[i:i + 2], ' '), 100))
          FROM (SELECT string_to_array(name, ' ') AS w) s, generate_subscripts(s.w, 1) AS i $$;
CREATE FUNCTION name_matches(name varchar, query text) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT array_to_tsvector(name_phrases(name)) @@ query::tsquery $$;
CREATE INDEX organization_name_phrases ON organization USING gin (array_to_tsvector(name_phrases(search_name)));
DROP INDEX organization_name_words;
DROP FUNCTION name_has_words(varchar, text);
ANALYZE organization;
