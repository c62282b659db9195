package org.jiliang.reports.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;

/**
 * Compiles every {@code .jrxml} under a source directory into a {@code .jasper} file at the same
 * relative path under an output directory. Maven runs it in the process-classes phase so the
 * templates ship precompiled: the server never compiles a report (its JDK compiler cannot see
 * the jars of a WildFly module).
 */
public final class TemplateCompiler {

    private TemplateCompiler() {
    }

    public static void main(String[] args) throws IOException, JRException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: TemplateCompiler <jrxml source dir> <output dir>");
        }
        List<Path> compiled = compileAll(Path.of(args[0]), Path.of(args[1]));
        System.out.println("[TemplateCompiler] compiled " + compiled.size() + " JasperReports template(s) into " + args[1]);
    }

    /** Compiles all templates and returns the written {@code .jasper} files. */
    public static List<Path> compileAll(Path sourceDir, Path outputDir) throws IOException, JRException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(sourceDir)) {
            sources = files.filter(p -> p.getFileName().toString().endsWith(".jrxml")).sorted().toList();
        }
        if (sources.isEmpty()) {
            throw new IllegalStateException("no .jrxml templates under " + sourceDir);
        }
        JasperCompileManager compiler = JasperCompileManager.getInstance(DefaultJasperReportsContext.getInstance());
        List<Path> written = new ArrayList<>();
        for (Path source : sources) {
            String relative = sourceDir.relativize(source).toString();
            Path target = outputDir.resolve(relative.substring(0, relative.length() - ".jrxml".length()) + ".jasper");
            Files.createDirectories(target.getParent());
            compiler.compileToFile(source.toString(), target.toString());
            written.add(target);
        }
        return written;
    }
}
