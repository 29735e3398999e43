package dev.kgw.spi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Namespaces shipped as jars in a {@code plugins/} folder next to the config file, found with
 * {@link ServiceLoader} ({@code META-INF/services/dev.kgw.spi.Namespace}). Unlike KrakenD's Go plugins, which must
 * be built with the exact Go and library versions of the binary that loads them, a jar built against this SPI loads
 * into any node of the same SPI version. All jars share one class loader whose parent is the node's, so a plugin
 * sees the node's own types and libraries.
 */
public final class PluginJars {
    public static final String FOLDER = "plugins";

    private PluginJars() {}

    /** The namespaces in the jars of {@code folder}, sorted by jar name; none when the folder does not exist. */
    public static List<Namespace> load(Path folder) {
        if (!Files.isDirectory(folder)) return List.of();
        List<URL> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) jars.add(url(p));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        if (jars.isEmpty()) return List.of();
        ClassLoader loader = new URLClassLoader(jars.toArray(new URL[0]), PluginJars.class.getClassLoader());
        List<Namespace> out = new ArrayList<>();
        try {
            for (Namespace ns : ServiceLoader.load(Namespace.class, loader)) {
                // the node's own class path is the parent: only what the jars add counts
                if (ns.getClass().getClassLoader() == loader) out.add(ns);
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalArgumentException("a plugin in " + folder + " cannot be loaded: " + e.getMessage(), e);
        }
        return List.copyOf(out);
    }

    private static URL url(Path p) {
        try {
            return p.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(p + ": " + e.getMessage(), e);
        }
    }
}
