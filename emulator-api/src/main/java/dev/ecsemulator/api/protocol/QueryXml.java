package dev.ecsemulator.api.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the XML answers of an AWS query-protocol service with the JDK's StAX writer, driven by the operation's
 * output shape, as the AWS SDKs' query parsers (botocore's {@code QueryParser}) read them:
 *
 * <pre>
 * &lt;DescribeLoadBalancersResponse xmlns="(the model's xmlNamespace)"&gt;
 *   &lt;DescribeLoadBalancersResult&gt; (the output's members) &lt;/DescribeLoadBalancersResult&gt;
 *   &lt;ResponseMetadata&gt;&lt;RequestId&gt;...&lt;/RequestId&gt;&lt;/ResponseMetadata&gt;
 * &lt;/DescribeLoadBalancersResponse&gt;
 * </pre>
 *
 * A member is an element named as the member (or its {@code locationName}); a list is its element holding one
 * {@code <member>} per entry (renamed by the list member's {@code locationName}), or, {@code flattened}, the element
 * repeated; a map holds {@code <entry><key/><value/></entry>}s; timestamps are ISO 8601 in UTC with milliseconds
 * ({@code 2016-09-28T16:56:22.760Z}, as ELBv2 sends them); booleans {@code true}/{@code false}. Members absent from
 * the answer's tree are left out. Errors are {@code <ErrorResponse><Error><Type>Sender</Type><Code/><Message/>
 * </Error><RequestId/></ErrorResponse>}. Thread-safe.
 */
final class QueryXml {

  /**
   * Made by the first answer, not when the emulator builds the protocol: finding the StAX implementation and
   * compiling the pattern cost start-up some milliseconds before the first request (docs/benchmarks.md).
   */
  private static final class Lazily {
    static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
    static final DateTimeFormatter ISO_MILLIS =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  }

  private final ServiceModel model;

  QueryXml(ServiceModel model) {
    this.model = model;
  }

  /** The answer to {@code operation}; {@code result} is the output record as a JSON tree (or null: no members). */
  byte[] answer(String operation, JsonNode result, String requestId) {
    return write(xml -> {
      xml.writeStartElement(operation + "Response");
      namespace(xml);
      String wrapper = model.resultWrapper(operation).orElse(null);
      if (wrapper != null) {
        xml.writeStartElement(wrapper);
        String output = model.outputShape(operation).orElse(null);
        if (output != null && result != null) {
          members(xml, model.shape(output), result);
        }
        xml.writeEndElement();
      }
      xml.writeStartElement("ResponseMetadata");
      text(xml, "RequestId", requestId);
      xml.writeEndElement();
      xml.writeEndElement();
    });
  }

  /**
   * An error answer.
   *
   * @param sender whether the caller is at fault ({@code Sender}) rather than the service ({@code Receiver})
   */
  byte[] error(String code, String message, Map<String, Object> extra, boolean sender, String requestId) {
    return write(xml -> {
      xml.writeStartElement("ErrorResponse");
      namespace(xml);
      xml.writeStartElement("Error");
      text(xml, "Type", sender ? "Sender" : "Receiver");
      text(xml, "Code", code);
      text(xml, "Message", message);
      for (Map.Entry<String, Object> member : extra.entrySet()) {
        text(xml, member.getKey(), String.valueOf(member.getValue()));
      }
      xml.writeEndElement();
      text(xml, "RequestId", requestId);
      xml.writeEndElement();
    });
  }

  private void namespace(XMLStreamWriter xml) throws XMLStreamException {
    String namespace = model.xmlNamespace();
    if (!namespace.isEmpty()) {
      xml.writeDefaultNamespace(namespace);
    }
  }

  private void members(XMLStreamWriter xml, JsonNode shape, JsonNode value) throws XMLStreamException {
    Iterator<Map.Entry<String, JsonNode>> members = shape.path("members").fields();
    while (members.hasNext()) {
      Map.Entry<String, JsonNode> member = members.next();
      JsonNode given = value.get(member.getKey());
      if (given != null && !given.isNull()) {
        JsonNode ref = member.getValue();
        element(xml, ref, given, ref.path("locationName").asText(member.getKey()));
      }
    }
  }

  private void element(XMLStreamWriter xml, JsonNode ref, JsonNode value, String name) throws XMLStreamException {
    JsonNode shape = model.shape(ref.path("shape").asText());
    boolean flattened = shape.path("flattened").asBoolean(false);
    switch (shape.path("type").asText()) {
      case "structure" -> {
        xml.writeStartElement(name);
        members(xml, shape, value);
        xml.writeEndElement();
      }
      case "list" -> {
        JsonNode member = shape.path("member");
        if (flattened) {
          for (JsonNode entry : value) {
            element(xml, member, entry, member.path("locationName").asText(name));
          }
        } else {
          xml.writeStartElement(name);
          for (JsonNode entry : value) {
            element(xml, member, entry, member.path("locationName").asText("member"));
          }
          xml.writeEndElement();
        }
      }
      case "map" -> {
        if (!flattened) {
          xml.writeStartElement(name);
        }
        Iterator<Map.Entry<String, JsonNode>> entries = value.fields();
        while (entries.hasNext()) {
          Map.Entry<String, JsonNode> entry = entries.next();
          xml.writeStartElement(flattened ? name : "entry");
          text(xml, shape.path("key").path("locationName").asText("key"), entry.getKey());
          element(xml, shape.path("value"), entry.getValue(), shape.path("value").path("locationName").asText("value"));
          xml.writeEndElement();
        }
        if (!flattened) {
          xml.writeEndElement();
        }
      }
      case "timestamp" -> text(xml, name, timestamp(value));
      default -> text(xml, name, value.isBigDecimal() ? value.decimalValue().toPlainString() : value.asText());
    }
  }

  /** A timestamp of the tree (epoch seconds, as the JSON mapping writes them; or ISO text) in ISO 8601. */
  private static String timestamp(JsonNode value) {
    if (value.isNumber()) {
      BigDecimal seconds = value.decimalValue();
      return Lazily.ISO_MILLIS.format(Instant.ofEpochMilli(seconds.movePointRight(3).longValue()));
    }
    return Lazily.ISO_MILLIS.format(Instant.parse(value.asText()));
  }

  private static void text(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(text);
    xml.writeEndElement();
  }

  private interface Body {
    void write(XMLStreamWriter xml) throws XMLStreamException;
  }

  private static byte[] write(Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try {
      XMLStreamWriter xml = Lazily.FACTORY.createXMLStreamWriter(out, "UTF-8");
      body.write(xml);
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write an XML answer", e);
    }
    return out.toByteArray();
  }
}
