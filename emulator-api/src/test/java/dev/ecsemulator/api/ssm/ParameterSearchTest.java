package dev.ecsemulator.api.ssm;

import static dev.ecsemulator.api.ssm.SsmAssertions.assertSsmError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.DescribeParametersRequest;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathRequest;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathResponse;
import software.amazon.awssdk.services.ssm.model.InvalidFilterKeyException;
import software.amazon.awssdk.services.ssm.model.InvalidFilterOptionException;
import software.amazon.awssdk.services.ssm.model.InvalidFilterValueException;
import software.amazon.awssdk.services.ssm.model.InvalidNextTokenException;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.ParameterStringFilter;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.ParametersFilter;
import software.amazon.awssdk.services.ssm.model.ParametersFilterKey;
import software.amazon.awssdk.services.ssm.model.Tag;
import software.amazon.awssdk.services.ssm.model.ValidationException;

/** GetParametersByPath and DescribeParameters: hierarchies, filters and paging, through the SDK. */
class ParameterSearchTest {

  @RegisterExtension
  static final SsmExtension SSM = new SsmExtension();
  static final SsmClient ssm = SSM.client();

  static void hierarchy() {
    SSM.put("/app/prod/db/host", "db", ParameterType.STRING);
    SSM.put("/app/prod/db/password", "pw", ParameterType.SECURE_STRING);
    SSM.put("/app/prod/url", "https://prod", ParameterType.STRING);
    SSM.put("/app/prod/zones", "a,b", ParameterType.STRING_LIST);
    SSM.put("/app/dev/url", "https://dev", ParameterType.STRING);
    SSM.put("root", "r", ParameterType.STRING);
  }

  /** A filter; without values, none are sent (an empty list breaks the model's minimum). */
  static ParameterStringFilter filter(String key, String option, String... values) {
    ParameterStringFilter.Builder filter = ParameterStringFilter.builder().key(key).option(option);
    return (values.length == 0 ? filter : filter.values(values)).build();
  }

  static List<String> byPath(Consumer<GetParametersByPathRequest.Builder> request) {
    return ssm.getParametersByPath(request).parameters().stream().map(Parameter::name).toList();
  }

  static List<String> described(Consumer<DescribeParametersRequest.Builder> request) {
    return ssm.describeParameters(request).parameters().stream().map(ParameterMetadata::name).toList();
  }

  @Test
  void byPathAnswersOneLevelOrEveryLevelBelowThePath() {
    hierarchy();

    assertThat(byPath(b -> b.path("/app/prod"))).containsExactly("/app/prod/url", "/app/prod/zones");
    assertThat(byPath(b -> b.path("/app/prod/"))).containsExactly("/app/prod/url", "/app/prod/zones");
    assertThat(byPath(b -> b.path("/app/prod").recursive(true))).containsExactly("/app/prod/db/host",
        "/app/prod/db/password", "/app/prod/url", "/app/prod/zones");
    assertThat(byPath(b -> b.path("/").recursive(false))).containsExactly("root");
    assertThat(byPath(b -> b.path("/").recursive(true))).hasSize(6);
    assertThat(byPath(b -> b.path("/app/pro"))).as("a path is whole levels").isEmpty();
  }

  @Test
  void byPathDecryptsOnlyWhenAskedAndFiltersByTypeAndKeyId() {
    hierarchy();

    Parameter encrypted = ssm.getParametersByPath(b -> b.path("/app/prod/db")).parameters().get(1);
    assertThat(encrypted.value()).startsWith("AQICAH");
    Parameter decrypted = ssm.getParametersByPath(b -> b.path("/app/prod/db").withDecryption(true))
        .parameters().get(1);
    assertThat(decrypted.value()).isEqualTo("pw");
    assertThat(decrypted.arn()).isEqualTo("arn:aws:ssm:us-east-1:000000000000:parameter/app/prod/db/password");
    assertThat(byPath(b -> b.path("/app").recursive(true).parameterFilters(filter("Type", null, "SecureString"))))
        .containsExactly("/app/prod/db/password");
    assertThat(byPath(b -> b.path("/app").recursive(true)
        .parameterFilters(filter("KeyId", "BeginsWith", "alias/aws")))).containsExactly("/app/prod/db/password");
  }

  @Test
  void byPathWithALabelFilterAnswersTheLabelledVersion() {
    SSM.put("/cfg/endpoint", "june", ParameterType.STRING);
    ssm.putParameter(b -> b.name("/cfg/endpoint").value("july").overwrite(true));
    SSM.put("/cfg/other", "o", ParameterType.STRING);
    ssm.labelParameterVersion(b -> b.name("/cfg/endpoint").parameterVersion(1L).labels("Deprecated"));

    List<Parameter> labelled = ssm.getParametersByPath(b -> b.path("/cfg")
        .parameterFilters(filter("Label", "Equals", "Deprecated"))).parameters();

    assertThat(labelled).extracting(Parameter::name).containsExactly("/cfg/endpoint");
    assertThat(labelled.get(0).value()).isEqualTo("june");
    assertThat(labelled.get(0).version()).isEqualTo(1L);
  }

  @Test
  void byPathPagesWithNextToken() {
    for (int i = 0; i < 25; i++) {
      SSM.put(String.format("/many/p%02d", i), "v" + i, ParameterType.STRING);
    }

    List<String> names = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String next = token;
      GetParametersByPathResponse page = ssm.getParametersByPath(b -> b.path("/many").nextToken(next));
      names.addAll(page.parameters().stream().map(Parameter::name).toList());
      token = page.nextToken();
      pages++;
    } while (token != null);

    assertThat(pages).isEqualTo(3);
    assertThat(names).hasSize(25).doesNotHaveDuplicates().isSorted();
    assertThat(ssm.getParametersByPathPaginator(b -> b.path("/many").maxResults(4)).stream()
        .flatMap(page -> page.parameters().stream()).toList()).hasSize(25);
    assertSsmError(() -> ssm.getParametersByPath(b -> b.path("/many").nextToken("not a token!")),
        InvalidNextTokenException.class, "InvalidNextToken", "The specified token isn't valid.");
  }

  @Test
  void byPathRefusesFiltersItDoesNotTakeAndPathsThatAreNone() {
    assertSsmError(() -> ssm.getParametersByPath(b -> b.path("/app").parameterFilters(filter("Name", null, "x"))),
        InvalidFilterKeyException.class, "InvalidFilterKey",
        "The following filter key is not valid: Name. Valid filter keys include: [Type, KeyId].");
    assertSsmError(() -> ssm.getParametersByPath(b -> b.path("app")), ValidationException.class,
        "ValidationException", "The parameter doesn't meet the parameter name requirements. The parameter name must"
            + " begin with a forward slash \"/\". It can't be prefixed with \"aws\" or \"ssm\" (case-insensitive). It"
            + " must use only letters, numbers, or the following symbols: . (period), - (hyphen), _ (underscore)."
            + " Special characters are not allowed. All sub-paths, if specified, must use the forward slash symbol"
            + " \"/\". Valid example: /get/parameters2-/by1./path0_.");
  }

  @Test
  void describeAnswersMetadataAsAwsShowsIt() {
    ssm.putParameter(b -> b.name("MyStringListParameter").value("alpha,beta").type(ParameterType.STRING_LIST)
        .description("This is a StringList parameter"));

    ParameterMetadata metadata = ssm.describeParameters().parameters().get(0);
    assertThat(metadata.name()).isEqualTo("MyStringListParameter");
    assertThat(metadata.arn()).isEqualTo("arn:aws:ssm:us-east-1:000000000000:parameter/MyStringListParameter");
    assertThat(metadata.type()).isEqualTo(ParameterType.STRING_LIST);
    assertThat(metadata.description()).isEqualTo("This is a StringList parameter");
    assertThat(metadata.lastModifiedUser()).isEqualTo("arn:aws:iam::000000000000:root");
    assertThat(metadata.lastModifiedDate()).isNotNull();
    assertThat(metadata.version()).isEqualTo(1L);
    assertThat(metadata.tier()).isEqualTo(ParameterTier.STANDARD);
    assertThat(metadata.hasPolicies()).as("Policies: [] is sent").isTrue();
    assertThat(metadata.policies()).isEmpty();
    assertThat(metadata.dataType()).isEqualTo("text");
    assertThat(metadata.keyId()).isNull();
    assertThat(metadata.allowedPattern()).isNull();
  }

  @Test
  void describeFiltersByNamePathTypeTierDataTypeAndTag() {
    hierarchy();
    ssm.putParameter(b -> b.name("/tagged/one").value("t").type(ParameterType.STRING).tier(ParameterTier.ADVANCED)
        .tags(Tag.builder().key("team").value("payments").build()));

    assertThat(described(b -> b.parameterFilters(filter("Name", null, "/app/prod/url"))))
        .containsExactly("/app/prod/url");
    assertThat(described(b -> b.parameterFilters(filter("Name", null, "/root")))).as("root is /root")
        .containsExactly("root");
    assertThat(described(b -> b.parameterFilters(filter("Name", "BeginsWith", "/app/prod/"))))
        .containsExactly("/app/prod/db/host", "/app/prod/db/password", "/app/prod/url", "/app/prod/zones");
    assertThat(described(b -> b.parameterFilters(filter("Name", "Contains", "url"))))
        .containsExactly("/app/dev/url", "/app/prod/url");
    assertThat(described(b -> b.parameterFilters(filter("Path", null, "/app/prod"))))
        .containsExactly("/app/prod/url", "/app/prod/zones");
    assertThat(described(b -> b.parameterFilters(filter("Path", "Recursive", "/app/prod"))))
        .containsExactly("/app/prod/db/host", "/app/prod/db/password", "/app/prod/url", "/app/prod/zones");
    assertThat(described(b -> b.parameterFilters(filter("Type", null, "StringList", "SecureString"))))
        .containsExactly("/app/prod/db/password", "/app/prod/zones");
    assertThat(described(b -> b.parameterFilters(filter("Tier", null, "Advanced")))).containsExactly("/tagged/one");
    assertThat(described(b -> b.parameterFilters(filter("DataType", null, "text")))).hasSize(7);
    assertThat(described(b -> b.parameterFilters(filter("tag:team", null, "payments"))))
        .containsExactly("/tagged/one");
    assertThat(described(b -> b.parameterFilters(filter("tag:team", null)))).as("tag key only")
        .containsExactly("/tagged/one");
    assertThat(described(b -> b.parameterFilters(filter("Path", "Recursive", "/app"), filter("Type", null,
        "String")))).as("filters are ANDed").containsExactly("/app/dev/url", "/app/prod/db/host", "/app/prod/url");
  }

  @Test
  void describeTakesTheDeprecatedFiltersButNotWithParameterFilters() {
    hierarchy();

    assertThat(described(b -> b.filters(ParametersFilter.builder().key(ParametersFilterKey.NAME)
        .values("/app/prod/d").build()))).containsExactly("/app/prod/db/host", "/app/prod/db/password");
    assertThat(described(b -> b.filters(ParametersFilter.builder().key(ParametersFilterKey.TYPE)
        .values("SecureString").build()))).containsExactly("/app/prod/db/password");
    assertSsmError(() -> ssm.describeParameters(b -> b.filters(ParametersFilter.builder()
        .key(ParametersFilterKey.TYPE).values("String").build()).parameterFilters(filter("Type", null, "String"))),
        ValidationException.class, "ValidationException",
        "You can use either Filters or ParameterFilters in a single request.");
  }

  @Test
  void describeRefusesBadFiltersAsAwsDoes() {
    assertSsmError(() -> ssm.describeParameters(b -> b.parameterFilters(filter("Label", null, "x"))),
        InvalidFilterKeyException.class, "InvalidFilterKey",
        "The following filter key is not valid: Label. Valid filter keys include: [Path, Name, Type, KeyId, Tier].");
    assertSsmError(() -> ssm.describeParameters(b -> b.parameterFilters(filter("Type", null, "String"),
        filter("Type", null, "SecureString"))), InvalidFilterKeyException.class, "InvalidFilterKey",
        "The following filter is duplicated in the request: Type. A request can contain only one occurrence of a"
            + " specific filter.");
    assertSsmError(() -> ssm.describeParameters(b -> b.parameterFilters(filter("Name", null))),
        InvalidFilterValueException.class, "InvalidFilterValue",
        "The following filter values are missing : null for filter key Name.");
    assertSsmError(() -> ssm.describeParameters(b -> b.parameterFilters(filter("Type", "Contains", "String"))),
        InvalidFilterOptionException.class, "InvalidFilterOption",
        "The following filter option is not valid: Contains. Valid options include: [BeginsWith, Equals].");
    assertSsmError(() -> ssm.describeParameters(b -> b.parameterFilters(filter("Path", "Equals", "/app"))),
        InvalidFilterOptionException.class, "InvalidFilterOption",
        "The following filter option is not valid: Equals. Valid options include: [Recursive, OneLevel].");
    assertSsmError(() -> ssm.describeParameters(b -> b.parameterFilters(filter("Tier", null, "Gold"))),
        InvalidFilterOptionException.class, "InvalidFilterOption",
        "The following filter value is not valid: Gold. Valid values include: [Standard, Advanced,"
            + " Intelligent-Tiering].");
    assertSsmError(() -> ssm.describeParameters(b -> b.parameterFilters(filter("Path", null, "/aws/service"))),
        ValidationException.class, "ValidationException", "Filters for common parameters can't be prefixed with"
            + " \"aws\" or \"ssm\" (case-insensitive). When using global parameters, please specify within a global"
            + " namespace.");
  }

  @Test
  void describePagesWithMaxResults() {
    hierarchy();

    var first = ssm.describeParameters(b -> b.maxResults(4));
    var second = ssm.describeParameters(b -> b.maxResults(4).nextToken(first.nextToken()));

    assertThat(first.parameters()).hasSize(4);
    assertThat(second.parameters()).hasSize(2);
    assertThat(second.nextToken()).isNull();
    assertThat(ssm.describeParametersPaginator(b -> b.maxResults(1)).stream()
        .flatMap(page -> page.parameters().stream()).toList()).hasSize(6);
  }
}
