#!/usr/bin/env python3
"""A/B of start-up commands on a noisy shared machine: launches each command in turn, ROUNDS times, and prints for
each launch the time to the ready line and to the answer of a first ListClusters (sent on a fresh connection as soon as
the ready line appears), and the process's CPU time (user + system of all its threads, /proc) at that answer: CPU is
what other load on the shared cores disturbs least. Medians and min-max per command at the end. With THREADS=1 in the
environment, also the CPU of each live thread at the answer (threads that have ended are in the total only).

Usage: bench/ab-startup.py ROUNDS CMD [::: CMD ...]   (DATA in a command is replaced by a fresh data directory)
Example: bench/ab-startup.py 6 java -jar a/ecs-emulator.jar --port 0 --data-dir DATA ::: \\
             java -jar b/ecs-emulator.jar --port 0 --data-dir DATA
"""
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

AUTH = "AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/ecs/aws4_request, SignedHeaders=host, Signature=00"


def cpu_ms(stat_path):
    fields = open(stat_path).read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def threads(pid):
    total = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            text = open(f"/proc/{pid}/task/{tid}/stat").read()
        except OSError:
            continue
        name = re.sub(r"\d+$", "#", text[text.index("(") + 1:text.rindex(")")])
        total[name] = total.get(name, 0) + cpu_ms(f"/proc/{pid}/task/{tid}/stat")
    return ", ".join(f"{k}={v:.0f}" for k, v in sorted(total.items(), key=lambda kv: -kv[1]) if v > 0)


def once(command):
    work = tempfile.mkdtemp(prefix="ab-startup-")
    args = [a.replace("DATA", work + "/data") for a in command]
    started = time.monotonic()
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=open(work + "/stderr", "w"), text=True)
    try:
        port = None
        for line in process.stdout:
            match = re.search(r"ready at http://[^:]+:(\d+)", line)
            if match:
                port = int(match.group(1))
                break
        ready = time.monotonic()
        if port is None:
            raise SystemExit("no ready line: " + open(work + "/stderr").read())
        request = ("POST / HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n"
                   "X-Amz-Target: AmazonEC2ContainerServiceV20141113.ListClusters\r\n"
                   "Content-Type: application/x-amz-json-1.1\r\nAuthorization: %s\r\n"
                   "Content-Length: 2\r\nConnection: close\r\n\r\n{}" % (port, AUTH)).encode()
        with socket.create_connection(("127.0.0.1", port)) as connection:
            connection.sendall(request)
            answer = b""
            while chunk := connection.recv(65536):
                answer += chunk
        served = time.monotonic()
        cpu = cpu_ms(f"/proc/{process.pid}/stat")
        if os.environ.get("THREADS"):
            print("   threads:", threads(process.pid), flush=True)
        status = answer.split(b" ", 2)[1].decode()
        if status != "200":
            raise SystemExit("first ListClusters answered " + status)
        return (ready - started) * 1000, (served - started) * 1000, cpu
    finally:
        process.terminate()
        process.wait()
        shutil.rmtree(work, ignore_errors=True)


def main():
    rounds = int(sys.argv[1])
    commands = [c.split() for c in " ".join(sys.argv[2:]).split(" ::: ")]
    served = [[] for _ in commands]
    cpus = [[] for _ in commands]
    for r in range(rounds):
        for i, command in enumerate(commands):
            ready, first, cpu = once(command)
            served[i].append(first)
            cpus[i].append(cpu)
            print(f"round {r} command {i}: ready {ready:.0f} ms, first served {first:.0f} ms, CPU {cpu:.0f} ms",
                  flush=True)
    for i, command in enumerate(commands):
        s, c = sorted(served[i]), sorted(cpus[i])
        print(f"command {i}: first served median {statistics.median(s):.0f} ms ({s[0]:.0f}-{s[-1]:.0f}); "
              f"CPU median {statistics.median(c):.0f} ms ({c[0]:.0f}-{c[-1]:.0f}) :: {' '.join(command)}")


if __name__ == "__main__":
    main()
