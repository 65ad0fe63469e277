package vn.grassroots.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The layering every service keeps, checked on its compiled classes (a plain unit test, no Quarkus):
 * {@code api → service → repository, events → domain}; {@code consumers} is the other way in (from Kafka) and reaches
 * the service's parts the way {@code api} does. Nothing below {@code api} uses {@code api}, no package of a service
 * imports one that imports it back.
 */
public final class Layers {
    private Layers() {}

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
        return List.of(layers, belowApi, noCycles);
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
