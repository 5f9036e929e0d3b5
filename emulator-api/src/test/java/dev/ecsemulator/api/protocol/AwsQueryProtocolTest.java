package dev.ecsemulator.api.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerNotFoundException;

/**
 * The AWS query protocol on the endpoint, through the SDK's ELBv2 client (its query serializer and XML parser) and raw
 * form posts for what an SDK never sends.
 */
class AwsQueryProtocolTest {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();
  static final ElasticLoadBalancingV2Client elb = emulator.sdk(ElasticLoadBalancingV2Client.builder());
  static final HttpClient http = HttpClient.newHttpClient();

  @AfterAll
  static void close() {
    elb.close();
  }

  static HttpResponse<String> form(String body, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.url() + "/"))
        .timeout(Duration.ofMinutes(1))
        .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static final String SIGNED = "AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/elasticloadbalancing/"
      + "aws4_request, SignedHeaders=host, Signature=0";

  @Test
  void theSdkCreatesAndReadsBackThroughFormsAndXml() {
    LoadBalancer created = elb.createLoadBalancer(b -> b.name("web").subnets("subnet-a", "subnet-b")
        .tags(t -> t.key("team").value("a+b=c /d@e"))).loadBalancers().get(0);
    assertThat(created.loadBalancerArn()).matches(
        "arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/app/web/[0-9a-f]{16}");
    assertThat(created.createdTime()).isNotNull();
    LoadBalancer described = elb.describeLoadBalancers(b -> b.names("web")).loadBalancers().get(0);
    assertThat(described).isEqualTo(created);
    assertThat(elb.describeTags(b -> b.resourceArns(created.loadBalancerArn())).tagDescriptions().get(0).tags())
        .singleElement().satisfies(tag -> assertThat(tag.value()).isEqualTo("a+b=c /d@e"));
  }

  @Test
  void modelledErrorsReachTheSdkAsTheirTypedExceptions() {
    assertThatThrownBy(() -> elb.describeLoadBalancers(b -> b.names("nope")))
        .isInstanceOfSatisfying(LoadBalancerNotFoundException.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("LoadBalancerNotFound");
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Load balancers '[nope]' not found");
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.requestId()).isNotBlank();
        });
  }

  @Test
  void modelConstraintsAreValidationErrors() {
    assertThatThrownBy(() -> elb.describeLoadBalancers(b -> b.pageSize(0)))
        .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value '0' at "
              + "'pageSize' failed to satisfy constraint: Member must have value greater than or equal to 1");
        });
  }

  @Test
  void aRequestWithoutActionIsMissingAction() throws Exception {
    HttpResponse<String> response = form("Version=2015-12-01", SIGNED);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/xml"));
    assertThat(response.body()).contains("<Type>Sender</Type><Code>MissingAction</Code>");
  }

  @Test
  void unknownActionsAndVersionsAreInvalidAction() throws Exception {
    assertThat(form("Action=DescribeNothing&Version=2015-12-01", SIGNED).body()).contains(
        "<Code>InvalidAction</Code><Message>Could not find operation DescribeNothing for version 2015-12-01</Message>");
    assertThat(form("Action=DescribeLoadBalancers&Version=2012-06-01", SIGNED).body())
        .contains("<Code>InvalidAction</Code>");
  }

  @Test
  void operationsOfTheModelNotImplementedSaySo() throws Exception {
    HttpResponse<String> response = form("Action=DescribeTrustStores&Version=2015-12-01", SIGNED);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("<Code>InvalidAction</Code>")
        .contains("does not implement the ELBv2 operation DescribeTrustStores");
  }

  @Test
  void anUnsignedRequestIsRoutedByItsVersion() throws Exception {
    HttpResponse<String> response = form("Action=DescribeLoadBalancers&Version=2015-12-01", null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).startsWith("<DescribeLoadBalancersResponse "
        + "xmlns=\"http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/\"><DescribeLoadBalancersResult>"
        + "<LoadBalancers></LoadBalancers></DescribeLoadBalancersResult><ResponseMetadata><RequestId>");
  }

  @Test
  void healthListsElbv2WithItsOperations() throws Exception {
    com.fasterxml.jackson.databind.JsonNode elbv2 = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(emulator.get("/_emulator/health").body()).path("services").path("elasticloadbalancing");
    assertThat(elbv2.path("implemented").asInt()).isEqualTo(24);
    assertThat(elbv2.path("inModel").asInt()).isEqualTo(51);
  }

  @Test
  void aFormSignedForAJsonServiceStaysWithTheJsonProtocol() throws Exception {
    HttpResponse<String> response = form("Action=ListClusters",
        SIGNED.replace("elasticloadbalancing", "ecs"));
    assertThat(response.body()).contains("UnknownOperationException");
  }
}
