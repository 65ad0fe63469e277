package vn.grassroots.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The layering every service keeps, checked on its compiled classes (a plain unit test, no Quarkus):
 * {@code api → service → repository, events → domain}; {@code consumers} is the other way in (from Kafka) and reaches
 * the service's parts the way {@code api} does. Nothing below {@code api} uses {@code api}, no package of a service
 * imports one that imports it back. Response bodies are api's own records (views), mapped there from the domain objects
 * and results the services return; below api only the request bodies (the services' {@code Commands}) carry
 * {@code @Schema}.
 */
public final class Layers {
    private Layers() {}

    private static final String SCHEMA = "org.eclipse.microprofile.openapi.annotations.media.Schema";

    private static DescribedPredicate<JavaClass> notNestedIn(String enclosingSimpleName) {
        return DescribedPredicate.describe("are not nested in " + enclosingSimpleName,
                c -> c.getEnclosingClass().map(e -> !e.getSimpleName().equals(enclosingSimpleName)).orElse(true));
    }

    /** The rules for the service whose classes live below {@code basePackage} (e.g. "vn.grassroots.meetings"). */
    public static List<ArchRule> rules(String basePackage) {
        String p = basePackage + ".";
        ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("api").definedBy(p + "api..")
                .layer("consumers").definedBy(p + "consumers..")
                .layer("service").definedBy(p + "service..")
                .layer("events").definedBy(p + "events..")
                .layer("repository").definedBy(p + "repository..")
                .layer("domain").definedBy(p + "domain..")
                .whereLayer("api").mayNotBeAccessedByAnyLayer()
                .whereLayer("consumers").mayNotBeAccessedByAnyLayer()
                .whereLayer("service").mayOnlyBeAccessedByLayers("api", "consumers")
                .whereLayer("events").mayOnlyBeAccessedByLayers("service", "consumers")
                .whereLayer("repository").mayOnlyBeAccessedByLayers("service", "events", "consumers")
                .whereLayer("domain").mayOnlyBeAccessedByLayers("api", "consumers", "service", "events", "repository")
                .as("dependencies go one way: api, consumers → service → events, repository → domain");
        ArchRule belowApi = noClasses().that().resideOutsideOfPackage(p + "api..")
                .should().dependOnClassesThat().resideInAPackage(p + "api..")
                .as("nothing below api uses api (REST requests and views)");
        ArchRule noCycles = slices().matching(basePackage + ".(*)..").should().beFreeOfCycles()
                .as("no two packages of the service import each other");
        ArchRule viewsInApi = noClasses().that().resideInAnyPackage(p + "service..", p + "repository..", p + "events..",
                        p + "consumers..")
                .and(notNestedIn("Commands"))
                .should().beAnnotatedWith(SCHEMA)
                .as("response bodies (views) are records of api, mapped there from what the services return; below api "
                        + "only the request bodies, the services' Commands, describe themselves for OpenAPI");
        return List.of(layers, belowApi, noCycles, viewsInApi);
    }

    /** Checks every rule on the main classes of {@code basePackage}; the failure lists each wrong dependency. */
    public static void check(String basePackage) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        if (classes.isEmpty()) {
            throw new AssertionError("no classes below " + basePackage);
        }
        StringBuilder failures = new StringBuilder();
        for (ArchRule rule : rules(basePackage)) {
            var result = rule.evaluate(classes);
            if (result.hasViolation()) {
                failures.append(result.getFailureReport()).append('\n');
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.toString());
        }
    }
}
