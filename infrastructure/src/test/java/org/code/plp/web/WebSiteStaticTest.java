package org.code.plp.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.code.plp.local.ProjectPaths;
import org.code.plp.local.TemplateModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The static site without a browser: pages that a strict Content-Security-Policy (script-src and
 * style-src 'self') allows, every asset local (no CDN at run time), Leaflet byte-for-byte the
 * WebJar's, and the template's hosting resources locked down.
 */
class WebSiteStaticTest {
    private static final Path WEB = ProjectPaths.web();
    private static final Pattern ASSET = Pattern.compile("<(?:script|link|img|iframe)\\b[^>]*\\b(?:src|href)=\"([^\"]+)\"");

    static Stream<Path> pages() throws IOException {
        try (Stream<Path> files = Files.list(WEB)) {
            List<Path> html = files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
            assertTrue(html.size() >= 5, "index, map, apply, interest, admin: " + html);
            return html.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("pages")
    void pagesHaveNoInlineScriptStyleOrHandlers(Path page) throws IOException {
        String html = Files.readString(page);
        Matcher scripts = Pattern.compile("<script\\b([^>]*)>").matcher(html);
        while (scripts.find()) {
            assertTrue(scripts.group(1).contains("src="), page + ": inline <script> would need 'unsafe-inline'");
        }
        assertFalse(html.contains("<style"), page + ": <style> element");
        assertFalse(Pattern.compile("\\sstyle=\"").matcher(html).find(), page + ": style attribute");
        assertFalse(Pattern.compile("\\son[a-z]+=\"").matcher(html).find(), page + ": inline event handler");
        assertFalse(html.contains("javascript:"), page + ": javascript: URL");
    }

    @ParameterizedTest
    @MethodSource("pages")
    void everyAssetIsServedFromTheSiteItself(Path page) throws IOException {
        Matcher assets = ASSET.matcher(Files.readString(page));
        while (assets.find()) {
            String ref = assets.group(1);
            assertFalse(ref.startsWith("http:") || ref.startsWith("https:") || ref.startsWith("//"), page + " loads " + ref);
            String local = ref.replaceAll("[?#].*$", "");
            assertTrue(Files.isRegularFile(WEB.resolve(local)), page + " refers to missing " + ref);
        }
    }

    @Test
    void scriptsNeverBustFramesNorSetInlineStyleAttributes() throws IOException {
        for (Path script : modules()) {
            String js = Files.readString(script);
            assertFalse(js.contains("top.location") || js.contains("window.top !=="), script + " frame-busts");
            assertFalse(js.contains("setAttribute(\"style\"") || js.contains("style=\\\""), script + " sets a style attribute");
            assertFalse(js.contains("eval(") || js.contains("new Function("), script + " needs 'unsafe-eval'");
        }
    }

    /**
     * The pages' own scripts are ES modules, one entry per page; only the vendored libraries, which
     * provide the globals L and topojson, stay classic scripts (run while the page parses, so before
     * the deferred module that uses them).
     */
    @ParameterizedTest
    @MethodSource("pages")
    void pagesLoadOneEntryModuleAndOnlyTheVendoredLibrariesAsClassicScripts(Path page) throws IOException {
        Matcher scripts = Pattern.compile("<script\\b([^>]*)>").matcher(Files.readString(page));
        int entries = 0;
        while (scripts.find()) {
            Matcher src = Pattern.compile("\\bsrc=\"([^\"]+)\"").matcher(scripts.group(1));
            assertTrue(src.find(), page + ": " + scripts.group());
            boolean module = scripts.group(1).contains("type=\"module\"");
            if (CLASSIC_SCRIPTS.contains(src.group(1))) {
                assertFalse(module, page + ": " + src.group(1) + " provides globals as a classic script");
            } else {
                assertTrue(module, page + ": " + src.group(1) + " is not type=\"module\"");
                assertTrue(src.group(1).startsWith("js/"), page + ": " + src.group(1) + " is not under js/");
                entries++;
            }
        }
        assertTrue(entries <= 1, page + " loads " + entries + " entry modules");
    }

    /**
     * Without a build step the browser links the modules: every import is relative, names a file that
     * exists and that exports each imported name; every module under js/ is reached from a page; no
     * module imports itself through others (no cycle); and the modules talk through imports, not
     * globals (window.PLP_MAP is the map's timing for tests and embedding pages).
     */
    @Test
    void everyImportResolvesToAFileThatExportsTheNamesImported() throws IOException {
        Set<Path> reached = new HashSet<>();
        Map<Path, List<Path>> imported = new HashMap<>();
        Deque<Path> next = new ArrayDeque<>();
        for (Path page : pages().toList()) {
            Matcher entry = Pattern.compile("<script type=\"module\" src=\"([^\"]+)\"").matcher(Files.readString(page));
            while (entry.find()) {
                next.add(WEB.resolve(entry.group(1)).normalize());
            }
        }
        while (!next.isEmpty()) {
            Path module = next.pop();
            if (!reached.add(module)) {
                continue;
            }
            String js = Files.readString(module);
            Matcher globals = Pattern.compile("\\bwindow\\.(\\w+)\\s*=[^=]").matcher(js);
            while (globals.find()) {
                assertEquals("PLP_MAP", globals.group(1), module + " sets a global");
            }
            assertFalse(Pattern.compile("\\bPLP\\w*\\.").matcher(js.replace("window.PLP_MAP", "")).find(),
                    module + " reads a global of ours");
            Matcher imports = IMPORT.matcher(js);
            while (imports.find()) {
                String from = imports.group(2);
                assertTrue(from.startsWith("./") || from.startsWith("../"), module + " imports " + from);
                Path target = module.resolveSibling(from).normalize();
                assertTrue(target.startsWith(WEB) && Files.isRegularFile(target), module + " imports missing " + from);
                next.add(target);
                imported.computeIfAbsent(module, m -> new ArrayList<>()).add(target);
                String exported = exportedNames(Files.readString(target));
                for (String name : importedNames(imports.group(1))) {
                    assertTrue(exported.contains(" " + name + " "), module + " imports " + name + " that " + from
                            + " does not export (it exports" + exported + ")");
                }
            }
        }
        List<Path> unreached = modules().stream().filter(m -> !reached.contains(m)).toList();
        assertEquals(List.of(), unreached, "modules no page loads");
        assertTrue(reached.contains(WEB.resolve("config.js")), "config.js is a module the pages import");
        for (Path module : reached) {
            assertFalse(importsItself(module, module, imported, new HashSet<>()), module + " is in an import cycle");
        }
    }

    private static final Set<String> CLASSIC_SCRIPTS = Set.of("vendor/leaflet/leaflet.js",
            "vendor/leaflet.markercluster/leaflet.markercluster.js", "vendor/topojson-client/topojson-client.min.js");
    // import { a, b as c } from "./x.js";  import * as x from "./x.js";  import "./x.js";
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:([^;]*?)\\s+from\\s+)?\"([^\"]+)\";",
            Pattern.MULTILINE);
    private static final Pattern EXPORT = Pattern.compile(
            "^export\\s+(?:async\\s+)?(?:function\\*?|const|let|var|class)\\s+([\\w$]+)", Pattern.MULTILINE);

    /** Whether {@code from} reaches {@code module} again: the screens are layered (main over detail over queue ...). */
    private static boolean importsItself(Path module, Path from, Map<Path, List<Path>> imported, Set<Path> seen) {
        for (Path target : imported.getOrDefault(from, List.of())) {
            if (target.equals(module) || (seen.add(target) && importsItself(module, target, imported, seen))) {
                return true;
            }
        }
        return false;
    }

    /** The names a module exports, each between spaces. */
    private static String exportedNames(String js) {
        StringBuilder names = new StringBuilder(" ");
        Matcher exports = EXPORT.matcher(js);
        while (exports.find()) {
            names.append(exports.group(1)).append(' ');
        }
        return names.toString();
    }

    /** The names an import clause takes from its module ({@code * as x} and a bare import take none by name). */
    private static List<String> importedNames(String clause) {
        if (clause == null || clause.startsWith("*")) {
            return List.of();
        }
        Matcher braces = Pattern.compile("\\{([^}]*)}").matcher(clause);
        assertTrue(braces.find(), "only named imports: " + clause);
        return Stream.of(braces.group(1).split(",")).map(String::trim).filter(n -> !n.isEmpty())
                .map(n -> n.split("\\s+as\\s+")[0]).toList();
    }

    /** config.js and every script under js/. */
    private static List<Path> modules() throws IOException {
        try (Stream<Path> files = Files.walk(WEB.resolve("js"))) {
            return Stream.concat(Stream.of(WEB.resolve("config.js")),
                    files.filter(f -> f.toString().endsWith(".js")).sorted()).toList();
        }
    }

    @Test
    void vendoredLeafletIsTheWebJarsFiles() throws IOException {
        for (String file : List.of("leaflet.js", "leaflet.css", "images/marker-icon.png", "images/layers.png")) {
            String resource = "META-INF/resources/webjars/leaflet/1.9.4/dist/" + file;
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
                assertNotNull(in, resource + " on the test classpath (org.webjars.npm:leaflet:1.9.4)");
                assertArrayEquals(in.readAllBytes(), Files.readAllBytes(WEB.resolve("vendor/leaflet/" + file)), file);
            }
        }
        for (String license : List.of("leaflet/LICENSE", "leaflet.markercluster/LICENSE", "topojson-client/LICENSE",
                "us-atlas/LICENSE")) {
            assertTrue(Files.isRegularFile(WEB.resolve("vendor").resolve(license)), license);
        }
    }

    @Test
    void theSiteBucketIsPrivateEncryptedAndReadOnlyThroughCloudFront() {
        Map<String, Object> resources = map(TemplateModel.load().raw().get("Resources"));
        Map<String, Object> bucket = map(map(resources.get("SiteBucket")).get("Properties"));
        Map<String, Object> block = map(bucket.get("PublicAccessBlockConfiguration"));
        for (String flag : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
            assertEquals(Boolean.TRUE, block.get(flag), flag);
        }
        assertTrue(bucket.get("BucketEncryption").toString().contains("SSEAlgorithm"));

        Map<String, Object> distribution = map(map(map(resources.get("SiteDistribution")).get("Properties"))
                .get("DistributionConfig"));
        Map<String, Object> origin = map(((List<?>) distribution.get("Origins")).get(0));
        assertTrue(origin.get("OriginAccessControlId").toString().contains("SiteOriginAccessControl"));
        assertEquals("redirect-to-https", map(distribution.get("DefaultCacheBehavior")).get("ViewerProtocolPolicy"));

        String policy = map(resources.get("SiteBucketPolicy")).toString();
        assertTrue(policy.contains("cloudfront.amazonaws.com") && policy.contains("AWS:SourceArn"), policy);

        List<String> csps = new ArrayList<>();
        for (String name : List.of("SiteHeadersPolicy", "MapHeadersPolicy")) {
            csps.add(map(map(map(map(map(resources.get(name)).get("Properties")).get("ResponseHeadersPolicyConfig"))
                    .get("SecurityHeadersConfig")).get("ContentSecurityPolicy")).toString());
        }
        for (String csp : csps) {
            assertTrue(csp.contains("script-src 'self';") && csp.contains("execute-api"), csp);
            assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), csp);
        }
        assertTrue(csps.get(0).contains("frame-ancestors 'self'"), "pages other than the map are not framable");
        assertTrue(csps.get(1).contains("frame-ancestors *"), "the map is embeddable");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
