-- Names are searched by their words (SearchText.wordsQuery): a GIN index of each name's words, as one lexeme each,
-- replaces the trigram index, whose lookup of "tran thi yen" intersected lists that each held most of the names.
CREATE FUNCTION name_has_words(name varchar, words text) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT array_to_tsvector(string_to_array(name, ' ')) @@ words::tsquery $$;
CREATE INDEX member_name_words ON member USING gin (array_to_tsvector(string_to_array(search_name, ' ')));
CREATE INDEX candidate_name_words ON candidate USING gin (array_to_tsvector(string_to_array(search_name, ' ')));
DROP INDEX member_name_trgm;
