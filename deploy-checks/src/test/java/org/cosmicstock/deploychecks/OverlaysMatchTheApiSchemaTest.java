package org.cosmicstock.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Every object every overlay renders is valid by the Kubernetes API's schema for its kind. */
class OverlaysMatchTheApiSchemaTest {

    @ForEveryOverlay
    void everyRenderedObjectIsValidForItsKind(Path overlay) {
        List<ObjectNode> objects = Kustomize.render(overlay);
        assertThat(objects).as("objects rendered from %s", overlay).isNotEmpty();

        List<String> violations = new ArrayList<>();
        objects.forEach(object -> violations.addAll(ApiSchemas.violations(object)));

        assertThat(violations).as("schema violations in %s", overlay).isEmpty();
    }

    /** An object without a namespace lands in whatever namespace kubectl's context names. */
    @ForEveryOverlay
    void everyNamespacedObjectNamesTheOverlaysOneNamespace(Path overlay) {
        List<String> namespaces = Kustomize.render(overlay).stream()
                .filter(o -> !o.path("kind").asText().equals("Namespace"))
                .map(o -> o.path("kind").asText() + " " + o.at("/metadata/name").asText() + " -> "
                        + o.at("/metadata/namespace").asText("(none)"))
                .toList();

        assertThat(namespaces)
                .as("in %s", overlay)
                .allSatisfy(n -> assertThat(n).endsWith(" -> cosmic-stock"));
    }
}
