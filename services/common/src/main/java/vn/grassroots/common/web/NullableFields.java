package vn.grassroots.common.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The platform's rule for null, written into every schema of the OpenAPI documents: a property listed in
 * {@code required} is always there and never null; any other property may be null (a member without a party card yet,
 * a job not finished). Nested objects and array items follow the same rule. A {@code $ref} property becomes
 * {@code anyOf [ref, null]}, an enumeration {@code anyOf [values, null]}.
 */
final class NullableFields {
    private NullableFields() {}

    static void apply(OpenAPI api) {
        if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
            api.getComponents().getSchemas().values().forEach(NullableFields::walk);
        }
    }

    private static void walk(Schema schema) {
        if (schema == null) {
            return;
        }
        Map<String, Schema> properties = schema.getProperties();
        if (properties != null) {
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            Map<String, Schema> changed = new LinkedHashMap<>();
            properties.forEach((name, p) -> changed.put(name, required.contains(name) ? p : allowNull(p)));
            schema.setProperties(changed);
            changed.values().forEach(NullableFields::walk);
        }
        walk(schema.getItems());
        for (List<Schema> parts : new List[] {schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()}) {
            if (parts != null) {
                parts.forEach(NullableFields::walk);
            }
        }
    }

    private static Schema allowNull(Schema p) {
        if (p.getRef() != null) {
            Schema ref = OASFactory.createSchema().ref(p.getRef());
            p.setRef(null);
            p.setType(null); // the reference says what it is; a type beside it would refuse null
            return p.addAnyOf(ref).addAnyOf(nullType());
        }
        List<Schema.SchemaType> types = p.getType();
        if (p.getEnumeration() != null && !p.getEnumeration().isEmpty()) {
            // null cannot be written into the list of values: the values, or null
            Schema values = OASFactory.createSchema().enumeration(p.getEnumeration());
            if (types != null) {
                values.type(types.stream().filter(t -> t != Schema.SchemaType.NULL).toList());
            }
            p.setEnumeration(null);
            p.setType(null);
            return p.addAnyOf(values).addAnyOf(nullType());
        }
        if (types != null && !types.isEmpty() && !types.contains(Schema.SchemaType.NULL)) {
            List<Schema.SchemaType> withNull = new ArrayList<>(types);
            withNull.add(Schema.SchemaType.NULL);
            p.setType(withNull);
        } else if ((types == null || types.isEmpty()) && p.getAllOf() != null && !p.getAllOf().isEmpty()) {
            return p.addAnyOf(OASFactory.createSchema().allOf(p.getAllOf())).addAnyOf(nullType()).allOf(null);
        }
        return p;
    }

    private static Schema nullType() {
        return OASFactory.createSchema().addType(Schema.SchemaType.NULL);
    }
}
