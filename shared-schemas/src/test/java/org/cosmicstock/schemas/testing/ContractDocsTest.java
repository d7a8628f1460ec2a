package org.cosmicstock.schemas.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The committed documents are what {@link ContractDocs} writes from the schemas: a new or changed type is in them. */
class ContractDocsTest {

    @Test
    void theContractsPayloadTableIsGeneratedFromTheSchemas() throws IOException {
        String committed = Files.readString(ContractDocs.CONTRACT);
        assertGenerated(ContractDocs.CONTRACT, committed, ContractDocs.contract(committed));
    }

    @Test
    void theAsyncApiDocumentIsGeneratedFromTheSchemas() throws IOException {
        assertGenerated(ContractDocs.ASYNCAPI, Files.readString(ContractDocs.ASYNCAPI), ContractDocs.asyncApi());
    }

    private static void assertGenerated(Path file, String committed, String generated) {
        if (committed.equals(generated)) {
            return;
        }
        List<String> was = committed.lines().toList();
        List<String> is = generated.lines().toList();
        int line = 0;
        while (line < was.size() && line < is.size() && was.get(line).equals(is.get(line))) {
            line++;
        }
        fail(
                "%s is not what the schemas say: run %s and commit what it writes. First difference, line %d:%n"
                        + "  committed: %s%n  generated: %s",
                file,
                ContractDocs.REGENERATE,
                line + 1,
                line < was.size() ? was.get(line) : "(end of file)",
                line < is.size() ? is.get(line) : "(end of file)");
    }
}
