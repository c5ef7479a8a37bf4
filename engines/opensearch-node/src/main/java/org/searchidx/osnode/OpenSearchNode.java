package org.searchidx.osnode;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.mapper.MapperExtrasPlugin;
import org.opensearch.index.reindex.ReindexPlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.painless.PainlessPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * Starts one real OpenSearch node in this JVM, from the server and plugin jars on the class path
 * (Maven Central artifacts), without the distribution's bootstrap: no security manager, no JarHell
 * check, no bootstrap checks, no plugin directory. The HTTP and transport layers are netty4
 * (transport-netty4-client) and the analysis chain has the common analysis plugin's analyzers,
 * tokenizers and filters; painless, reindex and mapper-extras (modules of the distribution) come
 * along as class-path plugins too.
 *
 * <p>Configuration: each option may be given as {@code --name=value} (or {@code --name value}),
 * or as the system property {@code osnode.name}; any other node setting as {@code -Ekey=value}.
 * Options: home (required: the node's directory; data, logs and config go under it), cluster-name,
 * node-name, http-port, transport-port, seed-hosts (comma-separated host:port transport addresses),
 * initial-cluster-manager-nodes (comma-separated node names), host (default 127.0.0.1), modules
 * (comma-separated among painless, reindex, mapper-extras, or none; default all). When neither
 * seed-hosts nor initial-cluster-manager-nodes is given the node runs with
 * {@code discovery.type=single-node}.
 *
 * <p>The process runs until it receives SIGTERM/SIGINT, then closes the node cleanly.
 */
public final class OpenSearchNode {

    /** Node's protected constructor takes plugin classes found on the class path. */
    static final class EmbeddedNode extends Node {
        EmbeddedNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
            super(environment, plugins, true);
        }
    }

    /** Optional modules of the distribution, by the name that --modules takes (default: all). */
    static final Map<String, Class<? extends Plugin>> MODULES = new LinkedHashMap<>();
    static {
        MODULES.put("painless", PainlessPlugin.class);
        MODULES.put("reindex", ReindexPlugin.class);
        MODULES.put("mapper-extras", MapperExtrasPlugin.class);
    }

    private OpenSearchNode() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        Settings.Builder extra = Settings.builder();
        parseArgs(args, options, extra);

        String homeOpt = option(options, "home", null);
        if (homeOpt == null) {
            usage("missing --home (or -Dosnode.home)");
        }
        Path home = Path.of(homeOpt).toAbsolutePath().normalize();
        Path config = home.resolve("config");
        Path data = home.resolve("data");
        Path logs = home.resolve("logs");
        Files.createDirectories(config);
        Files.createDirectories(data);
        Files.createDirectories(logs);
        installLogConfig(config);

        String clusterName = option(options, "cluster-name", "searchidx");
        String nodeName = option(options, "node-name", "node-0");
        String host = option(options, "host", "127.0.0.1");
        String httpPort = option(options, "http-port", "9200");
        String transportPort = option(options, "transport-port", "9300");
        String seedHosts = option(options, "seed-hosts", null);
        String initialManagers = option(options, "initial-cluster-manager-nodes", null);

        Settings.Builder settings = Settings.builder()
            .put("path.home", home.toString())
            .put("path.data", data.toString())
            .put("path.logs", logs.toString())
            .put("cluster.name", clusterName)
            .put("node.name", nodeName)
            .put("network.host", host)
            .put("http.port", httpPort)
            .put("transport.port", transportPort)
            .put("http.type", Netty4Plugin.NETTY_HTTP_TRANSPORT_NAME)
            .put("transport.type", Netty4Plugin.NETTY_TRANSPORT_NAME)
            // A test machine's disk may be nearly full: replicas must still be allocated.
            .put("cluster.routing.allocation.disk.threshold_enabled", false);
        if (seedHosts == null && initialManagers == null) {
            settings.put("discovery.type", "single-node");
        } else {
            if (seedHosts != null) {
                settings.putList("discovery.seed_hosts", split(seedHosts));
            }
            if (initialManagers != null) {
                settings.putList("cluster.initial_cluster_manager_nodes", split(initialManagers));
            }
        }
        settings.put(extra.build());

        Environment environment = InternalSettingsPreparer.prepareEnvironment(
            settings.build(), Map.of(), config, () -> nodeName);
        // LogConfigurator sends System.out and System.err to the log: keep the console for our line.
        PrintStream console = System.out;
        LogConfigurator.setNodeName(nodeName);
        LogConfigurator.configure(environment);

        List<Class<? extends Plugin>> plugins = new ArrayList<>(List.of(Netty4Plugin.class, CommonAnalysisPlugin.class));
        for (String module : split(option(options, "modules", String.join(",", MODULES.keySet())))) {
            if (module.equals("none")) {
                continue;
            }
            Class<? extends Plugin> plugin = MODULES.get(module);
            if (plugin == null) {
                usage("unknown module " + module + " (known: " + MODULES.keySet() + ", none)");
            }
            plugins.add(plugin);
        }
        Node node = new EmbeddedNode(environment, plugins);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                node.awaitClose(20, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException e) {
                e.printStackTrace();
            } finally {
                org.apache.logging.log4j.LogManager.shutdown();
                stopped.countDown();
            }
        }, "osnode-shutdown"));

        node.start();
        console.println("osnode: node [" + nodeName + "] of cluster [" + clusterName + "] started, http "
            + host + ":" + httpPort + ", transport " + host + ":" + transportPort + ", home " + home);
        console.flush();
        // OpenSearch's threads are daemon threads: keep the JVM alive until the shutdown hook ran.
        stopped.await();
    }

    private static void installLogConfig(Path config) throws IOException {
        Path target = config.resolve("log4j2.properties");
        try (InputStream in = OpenSearchNode.class.getResourceAsStream("/osnode-log4j2.properties")) {
            if (in == null) {
                throw new IOException("osnode-log4j2.properties is missing from the class path");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void parseArgs(String[] args, Map<String, String> options, Settings.Builder extra) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                usage(null);
            } else if (arg.startsWith("-E")) {
                String kv = arg.length() > 2 ? arg.substring(2) : (i + 1 < args.length ? args[++i] : "");
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    usage("bad setting: " + arg);
                }
                extra.put(kv.substring(0, eq), kv.substring(eq + 1));
            } else if (arg.startsWith("--")) {
                String body = arg.substring(2);
                int eq = body.indexOf('=');
                if (eq > 0) {
                    options.put(body.substring(0, eq), body.substring(eq + 1));
                } else if (i + 1 < args.length) {
                    options.put(body, args[++i]);
                } else {
                    usage("option without value: " + arg);
                }
            } else {
                usage("unexpected argument: " + arg);
            }
        }
    }

    private static String option(Map<String, String> options, String name, String fallback) {
        String value = options.get(name);
        if (value == null) {
            value = System.getProperty("osnode." + name);
        }
        return value == null || value.isEmpty() ? fallback : value;
    }

    private static List<String> split(String csv) {
        List<String> out = new ArrayList<>();
        for (String part : csv.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    private static void usage(String error) {
        if (error != null) {
            System.err.println("osnode: " + error);
        }
        System.err.println("usage: java -cp 'target/classes:target/lib/*' org.searchidx.osnode.OpenSearchNode"
            + " --home DIR [--cluster-name N] [--node-name N] [--host 127.0.0.1] [--http-port 9200]"
            + " [--transport-port 9300] [--seed-hosts h:p,...] [--initial-cluster-manager-nodes n,...]"
            + " [--modules painless,reindex,mapper-extras|none]"
            + " [-Ekey=value ...]");
        System.exit(error == null ? 0 : 64);
    }
}
