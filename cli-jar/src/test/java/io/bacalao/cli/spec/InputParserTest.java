package io.bacalao.cli.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.cli.CliException;
import io.bacalao.domain.model.InputSource;
import io.bacalao.domain.spec.Json;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InputParserTest {

    static Stream<Arguments> valid() {
        return Stream.of(
                // value, expected Source JSON, alias, target
                Arguments.of("ipfs://QmCid", "{\"Type\":\"ipfs\",\"Params\":{\"CID\":\"QmCid\"}}", "ipfs://QmCid", "/inputs"),
                Arguments.of("ipfs://QmCid:/data", "{\"Type\":\"ipfs\",\"Params\":{\"CID\":\"QmCid\"}}", "ipfs://QmCid", "/data"),
                Arguments.of("https://example.com/x.py", "{\"Type\":\"urlDownload\",\"Params\":{\"URL\":\"https://example.com/x.py\"}}",
                        "https://example.com/x.py", "/inputs"),
                Arguments.of("https://host:8080/x.py", "{\"Type\":\"urlDownload\",\"Params\":{\"URL\":\"https://host:8080/x.py\"}}",
                        "https://host:8080/x.py", "/inputs"),
                Arguments.of("https://host:8080/x.py:/data", "{\"Type\":\"urlDownload\",\"Params\":{\"URL\":\"https://host:8080/x.py\"}}",
                        "https://host:8080/x.py", "/data"),
                Arguments.of("http://h/a?b=c", "{\"Type\":\"urlDownload\",\"Params\":{\"URL\":\"http://h/a?b=c\"}}", "http://h/a?b=c", "/inputs"),
                Arguments.of("src=http://h:81/f,dst=/in/f", "{\"Type\":\"urlDownload\",\"Params\":{\"URL\":\"http://h:81/f\"}}",
                        "http://h:81/f", "/in/f"),
                Arguments.of("s3://bucket/dir/key", "{\"Type\":\"s3\",\"Params\":{\"Bucket\":\"bucket\",\"Key\":\"dir/key\"}}",
                        "s3://bucket/dir/key", "/inputs"),
                Arguments.of("s3://bucket/key,dst=/my/input", "{\"Type\":\"s3\",\"Params\":{\"Bucket\":\"bucket\",\"Key\":\"key\"}}",
                        "s3://bucket/key", "/my/input"),
                Arguments.of("src=s3://b/k,dst=/in,opt=endpoint=https://s3.example.com,opt=region=us-east-1,opt=version-id=v1,"
                                + "opt=checksum-256=abc,opt=filter=.*csv",
                        "{\"Type\":\"s3\",\"Params\":{\"Bucket\":\"b\",\"Key\":\"k\",\"Endpoint\":\"https://s3.example.com\","
                                + "\"Region\":\"us-east-1\",\"VersionID\":\"v1\",\"ChecksumSHA256\":\"abc\",\"Filter\":\".*csv\"}}",
                        "s3://b/k", "/in"),
                Arguments.of("s3://bucket", "{\"Type\":\"s3\",\"Params\":{\"Bucket\":\"bucket\",\"Key\":\"\"}}", "s3://bucket", "/inputs"),
                Arguments.of("file:///data/set", "{\"Type\":\"local\",\"Params\":{\"SourcePath\":\"/data/set\",\"ReadWrite\":false}}",
                        "file:///data/set", "/inputs"),
                Arguments.of("file:///data/set:/mnt", "{\"Type\":\"local\",\"Params\":{\"SourcePath\":\"/data/set\",\"ReadWrite\":false}}",
                        "file:///data/set", "/mnt"),
                Arguments.of("src=file:///data,dst=/mnt,opt=rw=true", "{\"Type\":\"local\",\"Params\":{\"SourcePath\":\"/data\",\"ReadWrite\":true}}",
                        "file:///data", "/mnt"),
                Arguments.of("SRC='ipfs://Qm',Destination=\"/x\"", "{\"Type\":\"ipfs\",\"Params\":{\"CID\":\"Qm\"}}", "ipfs://Qm", "/x"),
                Arguments.of("\"https://h/a,b\",dst=/x", "{\"Type\":\"urlDownload\",\"Params\":{\"URL\":\"https://h/a,b\"}}", "https://h/a,b", "/x"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void parses(String value, String sourceJson, String alias, String target) {
        InputSource in = InputParser.parse(value);
        assertEquals(sourceJson, Json.write(in.source()));
        assertEquals(alias, in.alias());
        assertEquals(target, in.target());
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("/local/path", "missing scheme"),
                Arguments.of("ftp://host/x", "unknown storage schema: ftp"),
                Arguments.of("git://host/repo", "unsupported type: git"),
                Arguments.of("ipfs://", "missing CID"),
                Arguments.of("https:///x", "missing host"),
                Arguments.of("s3:///key", "missing bucket"),
                Arguments.of("file://relative/path", "absolute path"),
                Arguments.of("ipfs://Qm,dst=relative", "must be an absolute path"),
                Arguments.of("dst=/x", "missing source URI"),
                Arguments.of("ipfs://Qm,/x", "is not a KEY=VALUE pair"),
                Arguments.of("ipfs://Qm,foo=bar", "unknown key \"foo\""),
                Arguments.of("s3://b/k,opt=colour=red", "unknown option \"colour\" for s3 inputs"),
                Arguments.of("ipfs://Qm,opt=region=eu", "unknown option \"region\" for ipfs inputs"),
                Arguments.of("file:///d,opt=rw=maybe", "is not a boolean"),
                Arguments.of("file:///d,opt==x", "has no key"),
                Arguments.of("\"ipfs://Qm", "unterminated quoted field"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void refuses(String value, String why) {
        CliException e = assertThrows(CliException.class, () -> InputParser.parse(value));
        assertTrue(e.getMessage().startsWith("invalid input \"" + value + "\": "), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
        assertTrue(e.hint().contains("-i/--input"), e.hint());
    }
}
