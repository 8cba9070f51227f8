#!/usr/bin/env python3
"""Inputs for bench/write.sh: spans.ndjson (records without ids, as a user would have them,
each naming its trace so that opik creates no traces and both sides send the same spans),
and the same spans as batch bodies with ids for curl (spans-NNN.json); with --scores-for IDS,
scores.csv for those span or trace ids and the same scores as batch bodies (scores-NNN.json);
with --traces, for bench/traces-score.sh, traces of project "bench" as batch bodies
(traces-NNN.json) and their ids (trace-ids.txt)."""
import json, os, random, sys, time

count, work = int(sys.argv[1]), sys.argv[2]
rng = random.Random(7)

def uuid7(millis):
    bits = rng.getrandbits(80)
    h = f"{millis:012x}{0x7000 | (bits >> 68) & 0xFFF:04x}{0x8000 | (bits >> 52) & 0x3FFF:04x}{bits & 0xFFFFFFFFFFFFF:013x}"[:32]
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}"

def batches(items, size=1000):
    for i in range(0, len(items), size):
        yield i // size, items[i:i + size]

if len(sys.argv) > 4 and sys.argv[3] == "--scores-for":
    ids = open(sys.argv[4]).read().split()
    with open(os.path.join(work, "scores.csv"), "w") as out:
        out.write("id,name,value,reason\n")
        items = []
        for i, span in enumerate(ids):
            value, reason = round(rng.random(), 3), f"judge {i % 13}, run 4"
            out.write(f'{span},accuracy,{value},"{reason}"\n')
            items.append({"id": span, "name": "accuracy", "value": value, "reason": reason,
                          "project_name": "bench", "source": "sdk"})
    for n, chunk in batches(items):
        with open(os.path.join(work, f"scores-{n:03d}.json"), "w") as out:
            json.dump({"scores": chunk}, out, separators=(",", ":"))
    sys.exit(0)

start = int(time.time() * 1000) - count
if len(sys.argv) > 3 and sys.argv[3] == "--traces":
    traces = []
    for i in range(count):
        millis = start + i
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(millis / 1000)) + f".{millis % 1000:03d}Z"
        traces.append({"id": uuid7(millis), "project_name": "bench", "name": f"run {i % 17}", "start_time": stamp,
                       "end_time": stamp, "input": {"question": f"question {i}"}, "output": {"text": f"answer {i}"}})
    with open(os.path.join(work, "trace-ids.txt"), "w") as out:
        out.writelines(trace["id"] + "\n" for trace in traces)
    for n, chunk in batches(traces):
        with open(os.path.join(work, f"traces-{n:03d}.json"), "w") as out:
            json.dump({"traces": chunk}, out, separators=(",", ":"))
    sys.exit(0)

records, sent = [], []
for i in range(count):
    millis = start + i
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(millis / 1000)) + f".{millis % 1000:03d}Z"
    record = {"name": f"step {i % 17}", "type": "llm" if i % 3 == 0 else "tool", "start_time": stamp,
              "end_time": stamp, "model": "gpt-4o", "usage": {"prompt_tokens": i % 900, "completion_tokens": i % 70},
              "total_estimated_cost": 0.0001 * (i % 50), "tags": ["bench"],
              "input": {"messages": [{"role": "user", "content": f"question {i} " + "x" * (i % 200)}]},
              "output": {"text": f"answer {i}"}, "metadata": {"run": 4, "index": i}}
    trace = uuid7(millis)
    records.append({"trace_id": trace, **record})
    sent.append({"id": uuid7(millis), "trace_id": trace, "project_name": "bench-curl",
                 "last_updated_at": stamp, **record})
with open(os.path.join(work, "spans.ndjson"), "w") as out:
    for record in records:
        out.write(json.dumps(record, separators=(",", ":")) + "\n")
for n, chunk in batches(sent):
    with open(os.path.join(work, f"spans-{n:03d}.json"), "w") as out:
        json.dump({"spans": chunk}, out, separators=(",", ":"))
