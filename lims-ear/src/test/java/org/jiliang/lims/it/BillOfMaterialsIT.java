package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The build describes what it ships (the EAR, the libraries inside its WAR, the bench agent) as a
 * CycloneDX bill of materials ({@code target/bom.json} of the root project), for whoever has to answer
 * "are we affected by CVE-…?". The CycloneDX plugin runs only online: after an offline build
 * ({@code mvn -o}) there is nothing new to check, and this test says so instead of reading an old file.
 */
class BillOfMaterialsIT {

    @Test
    void theBuildListsTheComponentsOfTheEarInACycloneDxBom() throws Exception {
        assumeFalse("offline=true".equals(System.getProperty("it.mavenMode")), "Maven ran offline, which skips the CycloneDX plugin");
        Path file = Path.of(System.getProperty("it.bom", "../target/bom.json"));
        assertThat(file).exists();
        JsonObject bom;
        try (var reader = Json.createReader(Files.newBufferedReader(file))) {
            bom = reader.readObject();
        }
        assertThat(bom.getString("bomFormat")).isEqualTo("CycloneDX");
        assertThat(bom.getJsonObject("metadata").getJsonObject("component").getString("name")).isEqualTo("jiliang-lims");
        List<String> purls = bom.getJsonArray("components").stream()
                .map(c -> ((JsonObject) c).getString("purl", "")).toList();
        assertThat(purls).anyMatch(p -> p.startsWith("pkg:maven/org.primefaces/primefaces@"))
                .anyMatch(p -> p.startsWith("pkg:maven/org.apache.camel/camel-core-engine@"))
                .anyMatch(p -> p.startsWith("pkg:maven/net.sf.jasperreports/jasperreports@"))
                .anyMatch(p -> p.startsWith("pkg:maven/org.jiliang/lims-ear@"))
                .anyMatch(p -> p.startsWith("pkg:maven/com.fazecast/jSerialComm@"))
                .noneMatch(p -> p.contains("selenium"));
    }
}
