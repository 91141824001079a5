# Inputs for scripts/qmp-json-oracle --emit-tests: byte streams a QMP client might send, good
# and bad. The oracle records what real QEMU answers to each; the results are the test data in
# tests/Machina.QObjects.Tests/Json/Data/qmp-stream.txt.
import random

CASES = [
    b'hello world\n{"a": }\n',
    b'{"execute": "x", "id": 1}',
    b'{"execute": "x", "id": {"micro": 1, "minor": 2, "major": 3}}',
    b'{"execute": "x", "id": {"return": 1, "id": 2, "error": 3, "event": 4, "data": 5, "timestamp": 6}}',
    b'{"execute": "x", "id": [0.1, 1.0, -0.0, 1e100, 1e-7, 123456789012345678901234, -9223372036854775809, 18446744073709551615]}',
    b'{"execute": "x", "id": "\\u00e9\\uD834\\uDD1E\\u0000\\u007f\\t\\b\\f\\r\\n\\/\\\'\xc3\xa9"}',
    b"{'execute': 'x', 'id': 'single \"quoted\"'}",
    b'"abc\x01def" \xff [1,2]\n',
    b'1 [1] {} [] "s" true null',
    b'[1, 2\n',
    b'{"a": 1 \x01 }',
    b'{"a": [1, 2}, 3]',
    b']]]}}}',
    b'\x1b{"execute": "x", "id": 7}',
    b'\xff\xff{"execute": "x", "id": 8}',
    b'{"execute": "x", "id": "unterminated\n{"execute": "x", "id": 9}',
    b'{"execute": "x", "id": "\xff"} {"execute": "x", "id": 10}',
    b'garbage\x00{"execute": "x", "id": 11}',
    b'tru\x00e',
    b'"\\q" "\\u12" "\\uD800" "\xc0\x80" "\xed\xa0\x80" "\xef\xbf\xbf"',
    b'-\n1.\n1e\n1e+\n00\n0e5\n-0\n',
    b'@#$%^&*() {"execute": "x", "id": 12}',
    b'{"execute": "x", "id": 13} trailing',
    b'{"a": 1, "a": 2}',
    b'{1: 2} {[]: 1} {"a" 1} {"a": 1 "b": 2} [1 2] [1,] {"a":1,}',
    b'\t[\t1\t,\t2\t]\t',
    b'[\r\n1\r\n]',
    b'x\ty z\x7fw',
    b'"\x7f" \x7f [1]',
    b'{"execute": "x", "id": {"nested": {"deep": [{"a": null}, true, false]}}}',
    b'{"execute": "x", "id": {"b": 1, "a": 2, "c": 3, "aa": 4, "bb": 5, "ab": 6, "ba": 7}}',
    b'{"execute": "x", "id": {"arguments": 1, "execute": 2, "exec-oob": 3, "device": 4, "driver": 5, "node-name": 6, "filename": 7, "QMP": 8, "version": 9, "qemu": 10, "package": 11, "capabilities": 12, "class": 13, "desc": 14}}',
]

rng = random.Random(2024)
PIECES = [b'{', b'}', b'[', b']', b':', b',', b' ', b'\n', b'\t', b'"s"', b"'q'", b'1', b'-2', b'3.5',
          b'1e3', b'true', b'null', b'false', b'nope', b'"\\n"', b'"\\u0041"', b'"\\uD83D\\uDE00"',
          b'"\xc3\xa9"', b'\x00', b'\x01', b'\x1b', b'\xfe', b'\xff', b'\x80', b'"', b"'", b'\\', b'-',
          b'.', b'e', b'0', b'00', b'"a', b'\xc3', b'%', b'@', b'{"execute": "x", "id": 5}',
          b'{"k": [1, {"j": "v"}]}', b'"\\x"', b'"\x01"']
for _ in range(120):
    CASES.append(b''.join(rng.choice(PIECES) for _ in range(rng.randint(1, 14))))
