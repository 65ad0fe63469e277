package vn.grassroots.common.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import vn.grassroots.common.text.MultiLine;
import vn.grassroots.common.text.TextRule;

/**
 * Request bodies are read as their contract says, nothing guessed: no field the contract does not name, no number read
 * as a string or a string as a number, no fraction cut to an integer, no number for a date or an enum, no empty string
 * for a date, UUID or enum, nothing after the document; every string passes {@link TextRule}. A refusal is a 400 naming
 * the field (ProblemMappers). Only REST bodies: the application's own mapper keeps reading what it stored (audit
 * states, policies, jobs) as leniently as it wrote it.
 */
@Provider
public class StrictJson implements ContextResolver<ObjectMapper> {
    private final ObjectMapper strict;

    @Inject
    public StrictJson(ObjectMapper application) {
        this.strict = application.copy();
        customize(strict);
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return strict;
    }

    static void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.setDefaultLeniency(false);
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("grassroots-text").addDeserializer(String.class, new Text(false)));
    }

    /** A JSON field whose text breaks {@link TextRule}; its message is the reason, its path the field. */
    public static final class InvalidText extends JsonMappingException {
        InvalidText(JsonParser p, String reason) {
            super(p, reason);
        }

        public String reason() {
            return getOriginalMessage();
        }
    }

    /** Strings only from JSON strings, checked; multi-line where the field says so. */
    static final class Text extends StdScalarDeserializer<String> implements ContextualDeserializer {
        private final boolean multiLine;

        Text(boolean multiLine) {
            super(String.class);
            this.multiLine = multiLine;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            boolean multi = property != null && property.getAnnotation(MultiLine.class) != null;
            return multi == multiLine ? this : new Text(multi);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String text = p.getText();
            String problem = TextRule.problem(text, multiLine);
            if (problem != null) {
                throw new InvalidText(p, problem);
            }
            return text;
        }
    }
}
