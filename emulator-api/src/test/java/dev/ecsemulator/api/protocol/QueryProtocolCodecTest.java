package dev.ecsemulator.api.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsemulator.api.elbv2.Elbv2Service;
import dev.ecsemulator.core.elbv2.error.ValidationError;
import dev.ecsemulator.core.error.MalformedQueryString;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The query protocol's decoding of forms into request trees and its XML answers, driven by models: ELBv2's, and a
 * small model made here with what ELBv2's lacks (flattened lists, location names, maps, timestamps, booleans), as
 * botocore's query serializer and parser write and read them.
 */
class QueryProtocolCodecTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final ServiceModel ELBV2 = ServiceModel.load(Elbv2Service.MODEL);
  static final ServiceModel MADE = made();

  static ServiceModel made() {
    try {
      return ServiceModel.of(JSON.readTree("""
          {"metadata": {"protocol": "query", "apiVersion": "2020-01-01", "signingName": "made",
                        "xmlNamespace": "http://made.example/doc/2020-01-01/"},
           "operations": {"Put": {"input": {"shape": "PutInput"},
                                  "output": {"shape": "PutOutput", "resultWrapper": "PutResult"}}},
           "shapes": {
             "PutInput": {"type": "structure", "members": {
               "Names": {"shape": "Names"},
               "Flat": {"shape": "FlatList"},
               "FlatRenamed": {"shape": "FlatRenamedList", "locationName": "Item"},
               "Renamed": {"shape": "Str", "locationName": "OtherName"},
               "Attributes": {"shape": "Attrs"},
               "FlatMap": {"shape": "FlatMap"},
               "When": {"shape": "Time"},
               "On": {"shape": "Bool"},
               "Count": {"shape": "Int"},
               "Value": {"shape": "Dbl"},
               "Nested": {"shape": "Nested"},
               "Empty": {"shape": "Names"}}},
             "PutOutput": {"type": "structure", "members": {
               "Names": {"shape": "Names"},
               "Flat": {"shape": "FlatRenamedList"},
               "Attributes": {"shape": "Attrs"},
               "When": {"shape": "Time"},
               "On": {"shape": "Bool"},
               "Text": {"shape": "Str", "locationName": "Words"}}},
             "Nested": {"type": "structure", "members": {"Key": {"shape": "Str"}, "Values": {"shape": "Names"}}},
             "Names": {"type": "list", "member": {"shape": "Str"}},
             "FlatList": {"type": "list", "member": {"shape": "Str"}, "flattened": true},
             "FlatRenamedList": {"type": "list", "member": {"shape": "Str", "locationName": "Entry"},
                                 "flattened": true},
             "Attrs": {"type": "map", "key": {"shape": "Str", "locationName": "Name"},
                       "value": {"shape": "Str", "locationName": "Value"}},
             "FlatMap": {"type": "map", "key": {"shape": "Str"}, "value": {"shape": "Int"}, "flattened": true},
             "Str": {"type": "string"}, "Int": {"type": "integer"}, "Dbl": {"type": "double"},
             "Bool": {"type": "boolean"}, "Time": {"type": "timestamp"}}}
          """));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode decode(ServiceModel model, String operation, String form) {
    return new QueryDecoder(model, Elbv2Service.ERRORS).decode(operation, QueryForm.parse(form));
  }

  @Test
  void elbv2ListsOfStructuresAndScalarsDecodeByTheInputShape() {
    JsonNode body = decode(ELBV2, "CreateLoadBalancer", "Action=CreateLoadBalancer&Version=2015-12-01"
        + "&Name=my-lb&Subnets.member.1=subnet-a&Subnets.member.2=subnet-b"
        + "&Tags.member.1.Key=team&Tags.member.1.Value=web+site&Tags.member.2.Key=empty&Tags.member.2.Value=");
    assertThat(body.toString()).isEqualTo("{\"Name\":\"my-lb\",\"Subnets\":[\"subnet-a\",\"subnet-b\"],"
        + "\"Tags\":[{\"Key\":\"team\",\"Value\":\"web site\"},{\"Key\":\"empty\",\"Value\":\"\"}]}");
  }

  @Test
  void elementsComeInIndexOrderNotNameOrder() {
    JsonNode body = decode(ELBV2, "DescribeLoadBalancers",
        "Names.member.10=j&Names.member.2=b&Names.member.1=a&PageSize=5");
    assertThat(body.toString()).isEqualTo("{\"Names\":[\"a\",\"b\",\"j\"],\"PageSize\":5}");
  }

  @Test
  void nestedStructuresInListsWithNumbersAndBooleans() {
    JsonNode body = decode(ELBV2, "CreateListener", "LoadBalancerArn=arn&Port=80&Protocol=HTTP"
        + "&DefaultActions.member.1.Type=forward"
        + "&DefaultActions.member.1.ForwardConfig.TargetGroups.member.1.TargetGroupArn=tg1"
        + "&DefaultActions.member.1.ForwardConfig.TargetGroups.member.1.Weight=3"
        + "&DefaultActions.member.1.ForwardConfig.TargetGroupStickinessConfig.Enabled=false");
    assertThat(body.path("Port").isInt()).isTrue();
    JsonNode forward = body.path("DefaultActions").path(0).path("ForwardConfig");
    assertThat(forward.path("TargetGroups").path(0).path("Weight").asInt()).isEqualTo(3);
    assertThat(forward.path("TargetGroupStickinessConfig").path("Enabled").isBoolean()).isTrue();
  }

  @Test
  void flattenedListsMapsLocationNamesTimestampsAndEmptyLists() {
    JsonNode body = decode(MADE, "Put", "Names.member.1=a&Flat.1=x&Flat.2=y&Entry.1=renamed"
        + "&OtherName=moved&Attributes.entry.1.Name=k1&Attributes.entry.1.Value=v1"
        + "&Attributes.entry.2.Name=k2&Attributes.entry.2.Value=v2&FlatMap.1.key=n&FlatMap.1.value=7"
        + "&When=2025-01-02T03:04:05.678Z&On=TRUE&Count=-4&Value=1.5e3&Nested.Key=nk&Nested.Values.member.1=nv"
        + "&Empty=&Renamed=ignored");
    assertThat(body.path("Names").toString()).isEqualTo("[\"a\"]");
    assertThat(body.path("Flat").toString()).isEqualTo("[\"x\",\"y\"]");
    assertThat(body.path("FlatRenamed").toString()).isEqualTo("[\"renamed\"]");
    assertThat(body.path("Renamed").asText()).isEqualTo("moved");
    assertThat(body.path("Attributes").toString()).isEqualTo("{\"k1\":\"v1\",\"k2\":\"v2\"}");
    assertThat(body.path("FlatMap").toString()).isEqualTo("{\"n\":7}");
    assertThat(body.path("When").decimalValue()).isEqualByComparingTo("1735787045.678");
    assertThat(body.path("On").booleanValue()).isTrue();
    assertThat(body.path("Count").intValue()).isEqualTo(-4);
    assertThat(body.path("Value").doubleValue()).isEqualTo(1500.0);
    assertThat(body.path("Nested").toString()).isEqualTo("{\"Key\":\"nk\",\"Values\":[\"nv\"]}");
    assertThat(body.path("Empty").toString()).isEqualTo("[]");
  }

  @Test
  void timestampsMayHaveAnOffsetOrBeEpochSeconds() {
    assertThat(decode(MADE, "Put", "When=2025-01-02T05:04:05%2B02:00").path("When").decimalValue())
        .isEqualByComparingTo("1735787045");
    assertThat(decode(MADE, "Put", "When=1735787045.5").path("When").decimalValue())
        .isEqualByComparingTo("1735787045.5");
  }

  @Test
  void valuesOfTheWrongTypeAreTheServicesValidationError() {
    assertThatThrownBy(() -> decode(ELBV2, "CreateListener", "Port=eighty"))
        .isInstanceOf(ValidationError.class)
        .hasMessage("1 validation error detected: Value 'eighty' at 'port' failed to satisfy constraint: "
            + "Member must be an integer");
    assertThatThrownBy(() -> decode(MADE, "Put", "On=yes")).isInstanceOf(ValidationError.class)
        .hasMessageContaining("Member must be a boolean");
    assertThatThrownBy(() -> decode(MADE, "Put", "When=yesterday")).isInstanceOf(ValidationError.class)
        .hasMessageContaining("Member must be a timestamp");
  }

  @Test
  void badPercentEscapesAreMalformedQueryString() {
    assertThatThrownBy(() -> QueryForm.parse("Action=%ZZ")).isInstanceOf(MalformedQueryString.class);
  }

  @Test
  void answersAreWrappedNamespacedAndShapedByTheOutputModel() throws Exception {
    JsonNode result = JSON.readTree("""
        {"Names": ["a", "b"], "Flat": ["x", "y"], "Attributes": {"k": "v"}, "When": 1735787045.678,
         "On": false, "Text": "<&>", "Unknown": "dropped"}""");
    String xml = new String(new QueryXml(MADE).answer("Put", result, "req-1"), StandardCharsets.UTF_8);
    assertThat(xml).isEqualTo(""
        + "<PutResponse xmlns=\"http://made.example/doc/2020-01-01/\"><PutResult>"
        + "<Names><member>a</member><member>b</member></Names>"
        + "<Entry>x</Entry><Entry>y</Entry>"
        + "<Attributes><entry><Name>k</Name><Value>v</Value></entry></Attributes>"
        + "<When>2025-01-02T03:04:05.678Z</When><On>false</On><Words>&lt;&amp;&gt;</Words>"
        + "</PutResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></PutResponse>");
  }

  @Test
  void errorsAreErrorResponses() {
    String xml = new String(new QueryXml(ELBV2).error("TargetGroupNotFound", "One or more target groups not found",
        java.util.Map.of(), true, "req-2"), StandardCharsets.UTF_8);
    assertThat(xml).endsWith("<ErrorResponse xmlns=\"http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/\">"
        + "<Error><Type>Sender</Type><Code>TargetGroupNotFound</Code>"
        + "<Message>One or more target groups not found</Message></Error>"
        + "<RequestId>req-2</RequestId></ErrorResponse>");
  }

  @Test
  void errorShapesAreSentWithTheirModelledCodes() {
    assertThat(ELBV2.wireErrorCode("TargetGroupNotFoundException")).isEqualTo("TargetGroupNotFound");
    assertThat(ELBV2.wireErrorCode("TrustStoreAssociationNotFoundException")).isEqualTo("AssociationNotFound");
    assertThat(ELBV2.wireErrorCode("ValidationError")).isEqualTo("ValidationError");
  }
}
