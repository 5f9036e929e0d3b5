package dev.ecsemulator.api.elbv2.plane;

import dev.ecsemulator.core.elbv2.model.FixedResponseActionConfig;
import dev.ecsemulator.core.elbv2.model.RedirectActionConfig;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The answers a listener gives itself: {@code fixed-response} (its status, content type, default {@code text/plain},
 * and body) and {@code redirect} (AWS's {@code #{protocol}}, {@code #{host}}, {@code #{port}}, {@code #{path}},
 * {@code #{query}} placeholders, each part defaulting to the request's own; HTTP_301 or HTTP_302).
 */
final class FixedAnswers {

  private FixedAnswers() {}

  static boolean fixed(FixedResponseActionConfig config, Response response, Callback callback) {
    response.setStatus(Integer.parseInt(config.statusCode()));
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, config.contentType() == null ? "text/plain"
        : config.contentType());
    String body = config.messageBody() == null ? "" : config.messageBody();
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    return true;
  }

  static boolean redirect(RedirectActionConfig config, Request request, int listenerPort, Response response,
      Callback callback) {
    HttpURI uri = request.getHttpURI();
    String hostHeader = request.getHeaders().get(HttpHeader.HOST);
    String host = hostHeader == null ? "localhost" : hostHeader.replaceFirst(":\\d+$", "");
    String path = uri.getPath() == null ? "/" : uri.getPath();
    String query = uri.getQuery() == null ? "" : uri.getQuery();
    String protocol = fill(or(config.protocol(), "#{protocol}"), "http", host, listenerPort, path, query)
        .toLowerCase(java.util.Locale.ROOT);
    String toHost = fill(or(config.host(), "#{host}"), protocol, host, listenerPort, path, query);
    String toPort = fill(or(config.port(), "#{port}"), protocol, host, listenerPort, path, query);
    String toPath = fill(or(config.path(), "/#{path}"), protocol, host, listenerPort, path, query);
    String toQuery = fill(or(config.query(), "#{query}"), protocol, host, listenerPort, path, query);
    boolean defaultPort = (protocol.equals("http") && toPort.equals("80"))
        || (protocol.equals("https") && toPort.equals("443"));
    String location = protocol + "://" + toHost + (defaultPort ? "" : ":" + toPort) + toPath
        + (toQuery.isEmpty() ? "" : "?" + toQuery);
    response.setStatus("HTTP_301".equals(config.statusCode()) ? 301 : 302);
    response.getHeaders().put(HttpHeader.LOCATION, location);
    response.write(true, ByteBuffer.allocate(0), callback);
    return true;
  }

  private static String or(String given, String fallback) {
    return given == null ? fallback : given;
  }

  private static String fill(String template, String protocol, String host, int port, String path, String query) {
    return template.replace("#{protocol}", protocol).replace("#{host}", host).replace("#{port}", String.valueOf(port))
        .replace("#{path}", path.startsWith("/") ? path.substring(1) : path).replace("#{query}", query);
  }
}
