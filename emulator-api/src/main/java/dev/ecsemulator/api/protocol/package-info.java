/**
 * The AWS API edge: one endpoint, several AWS services, each described by an {@link
 * dev.ecsemulator.api.protocol.AwsService} (its botocore {@link dev.ecsemulator.api.protocol.ServiceModel}, its
 * {@link dev.ecsemulator.api.protocol.OperationTable} and its {@link dev.ecsemulator.api.protocol.ServiceErrors}).
 *
 * <pre>
 * POST /  ──▶ ProtocolRouter ──(request shape)──▶ WireProtocol ──(service, operation)──▶ AwsService
 *                                                   │ parse body → validate against the model → bind to the record
 *                                                   │ → OperationTable handler → one core call
 *                                                   └ answer, or AwsException worded by the service (mapped here only)
 * </pre>
 *
 * <p>A protocol is picked by the request's shape, never by trying one and falling back on failure:
 *
 * <ul>
 *   <li><b>AWS JSON 1.0/1.1</b> ({@link dev.ecsemulator.api.protocol.AwsJsonProtocol}, the default): a request with
 *       an {@code X-Amz-Target} header; the part before the first dot names the service (its model's
 *       {@code targetPrefix}: {@code AmazonEC2ContainerServiceV20141113}, {@code secretsmanager}, {@code AmazonSSM},
 *       {@code Logs_20140328}, {@code AnyScaleFrontendService}), the rest the operation. An unknown prefix or
 *       operation answers UnknownOperationException; an operation of the model not in the table, the service's
 *       {@link dev.ecsemulator.api.protocol.ServiceErrors#notImplemented()}.
 *   <li><b>AWS query</b> ({@link dev.ecsemulator.api.protocol.AwsQueryProtocol}, ELBv2 and CloudWatch): {@code POST /} with
 *       {@code Content-Type: application/x-www-form-urlencoded}. The service is the one whose model speaks
 *       {@code query} ({@link dev.ecsemulator.api.protocol.ServiceModel#speaks}) and whose
 *       {@link dev.ecsemulator.api.protocol.ServiceModel#signingName()} is the credential scope's service
 *       ({@code Credential=AKID/20250101/us-east-1/elasticloadbalancing/aws4_request}); an unsigned request is routed by
 *       its {@code Version} (the model's {@code apiVersion}). The operation is {@code Action}. {@link
 *       dev.ecsemulator.api.protocol.QueryDecoder} turns the form into the same JSON tree by the input shape
 *       ({@code Names.member.1}, {@code Tags.member.1.Key}, flattened lists, {@code locationName}, maps), then the
 *       {@link dev.ecsemulator.api.protocol.RequestValidator}, the binding ({@link
 *       dev.ecsemulator.api.protocol.RequestBinder}) and the service's table serve it unchanged; {@link
 *       dev.ecsemulator.api.protocol.QueryXml} writes {@code <ActionResponse><ActionResult>...</ActionResult>
 *       <ResponseMetadata><RequestId>} by the output shape, or {@code <ErrorResponse><Error><Type>Sender</Type>
 *       <Code>..</Code><Message>..</Message></Error>} with the model's error code for the exception's shape.
 *       Registered as {@code new ProtocolRouter(json, cbor, query)}.
 *   <li><b>Smithy RPC v2 CBOR</b> ({@link dev.ecsemulator.api.protocol.SmithyRpcV2CborProtocol}, for every service
 *       whose model lists {@code smithy-rpc-v2-cbor}: CloudWatch): {@code POST
 *       /service/GraniteServiceVersion20100801/operation/PutMetricData} with {@code Smithy-Protocol: rpc-v2-cbor};
 *       the path names the service (its model's {@code targetPrefix}, also with its namespace) and operation; the
 *       body is CBOR read into the same JSON tree ({@link dev.ecsemulator.api.protocol.CborBodies}: byte strings as
 *       base64), and answers are CBOR written by the output shape (timestamps as tag 1 epoch seconds, blobs as byte
 *       strings); errors carry the absolute shape ID in {@code __type}. The HTTP server routes
 *       {@code POST /service/{service}/operation/{operation}} to the same router.
 * </ul>
 *
 * <p>The handlers, the request records and the core never see the protocol: a table serves whichever protocol its
 * model names.
 */
package dev.ecsemulator.api.protocol;
