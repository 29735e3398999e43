package dev.kgw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The files several dependencies carry are merged into the shaded jar, not picked one at random: Netty's version
 * list names every Netty artifact, the licence and notice texts of each Jackson module are all there.
 */
class PackagedJarIT {
    private static JarFile jar() throws Exception { return new JarFile(System.getProperty("kgw.jar", "target/kgw.jar")); }

    private static String text(JarFile jar, String name) throws Exception {
        try (InputStream in = jar.getInputStream(jar.getEntry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void overlappingResourcesAreMergedNotDropped() throws Exception {
        try (JarFile jar = jar()) {
            Properties netty = new Properties();
            try (InputStream in = jar.getInputStream(jar.getEntry("META-INF/io.netty.versions.properties"))) {
                netty.load(in);
            }
            for (String artifact : new String[] {"netty-common", "netty-buffer", "netty-codec-http", "netty-handler",
                    "netty-transport-native-epoll"}) {
                assertNotNull(netty.getProperty(artifact + ".version"), artifact + " missing: " + netty.keySet());
            }
            String notice = text(jar, "META-INF/NOTICE");
            assertTrue(notice.contains("FastDoubleParser"), "jackson-core's own notice is kept");
            assertTrue(notice.split("# Jackson JSON processor", -1).length > 4, "every Jackson module's notice");
            assertTrue(text(jar, "META-INF/LICENSE").split("Apache License", -1).length > 4);
        }
    }

    @Test
    void theManifestIsOursAndNothingOfTheDependenciesBuildMetadataRemains() throws Exception {
        try (JarFile jar = jar()) {
            assertEquals("dev.kgw.cli.Main", jar.getManifest().getMainAttributes().getValue("Main-Class"));
            assertEquals("true", jar.getManifest().getMainAttributes().getValue("Multi-Release"));
            assertNull(jar.getEntry("META-INF/maven/org.jctools/jctools-core/pom.xml"));
            assertNull(jar.getEntry("META-INF/versions/9/module-info.class"));
        }
    }
}
