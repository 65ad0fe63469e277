-- Names are searched by their words (SearchText.wordsQuery), as in membership: a GIN index of each name's words, as
-- one lexeme each, replaces the trigram index.
CREATE FUNCTION name_has_words(name varchar, words text) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT array_to_tsvector(string_to_array(name, ' ')) @@ words::tsquery $$;
CREATE INDEX organization_name_words ON organization USING gin (array_to_tsvector(string_to_array(search_name, ' ')));
DROP INDEX organization_name_trgm;
