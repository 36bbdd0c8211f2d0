"""Translation speed: the CTranslate2 floor, the service over HTTP, and Hugging Face transformers.

One run, three contenders, the same FLORES dev inputs (nb and sv) and the same fixed decoding
lengths (min = max = ceil(ratio x longest source token count in a model call), so random weights
cost what real ones do), on the random-weight transformer-big from `bench/build_big_model.py`:

  (a) floor  ctranslate2.Translator.translate_batch on pre-tokenised input, 32 inputs a call;
  (b) service  `python -m service serve` on loopback (BRIEF_FIXED_DECODING_RATIO set):
        b1: one client, the same 32-input requests;
        single sentences: 1, 16 and 32 concurrent clients with one sentence a request
        (micro-batching on), 16 with it off, and the floor at batch 16, with 503s counted;
        plus latency of ~2,000-character articles (greedy and beam 2), memory and start-up;
  (c) transformers MarianMTModel, PyTorch fp32, batch 32, greedy and beam 4.

Throughput is counted in sentences (input lines) and in "useful" target tokens
(ceil(ratio x length) per sentence): padding a contender decodes for a longer neighbour earns
nothing. Slow contenders run on a prefix of the inputs; the table says which.

    python bench/build_big_model.py   # once (~30 s)
    python bench/bench_translate.py   # ~10 min on an idle 2-core machine
    python bench/bench_translate.py --sentences 128 --subset 32 --articles 4   # quick look
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from contextlib import ExitStack
from functools import partial
from pathlib import Path
from typing import Any

import sentencepiece as spm
from _bench_contenders import Floor, HuggingFace, Timing
from _bench_data import Line, articles, chunks, load_lines, useful_tokens
from _bench_interleave import PAUSE_S, Step, interleave
from _bench_server import Client, Server, run_concurrent, serve
from _bench_tune import run_tune

from service.config import Settings

BENCH = Path(__file__).resolve().parent
MODELS = BENCH / "models"
CT2_DIR, HF_DIR, SPM = MODELS / "ct2-big-int8", MODELS / "hf-marian-big", MODELS / "spm32k.model"
PAD_ID = 3  # build_big_model.PAD_ID


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options; defaults are the documented run."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sentences", type=int, default=1000, help="inputs for a and b1 (1000)")
    ap.add_argument("--concurrent-sentences", type=int, default=256,
                    help="inputs for b16 batched and unbatched (256)")
    ap.add_argument("--subset", type=int, default=64,
                    help="inputs for beam 4 and for transformers (64): c is ~10x slower")
    ap.add_argument("--articles", type=int, default=10, help="articles per beam size (10)")
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--chunk", type=int, default=32, help="inputs per request / call (32)")
    ap.add_argument("--ratio", type=float, default=1.2, help="decoding length / source length")
    ap.add_argument("--skip-hf", action="store_true", help="leave out contender (c)")
    ap.add_argument("--json", type=Path, help="also write the numbers here")
    ap.add_argument("--tune", action="store_true",
                    help="instead: the tuning runs (threads, window, bucketing, beam, cache)")
    ap.add_argument("--tune-sentences", type=int, default=128, help="inputs per tuning run")
    return ap.parse_args(argv)


def row(name: str, lines: list[Line], beam: int, t: Timing, ratio: float) -> dict[str, Any]:
    """One table row: throughput in sentences and useful tokens, plus decoded tokens."""
    return {
        "contender": name, "inputs": len(lines), "beam": beam, "seconds": t.seconds,
        "sent_s": len(lines) / t.seconds,
        "tok_s": useful_tokens(lines, ratio) / t.seconds,
        "decoded_tok_s": t.decoded_tokens / t.seconds,
    }


def _requests(lines: list[Line], size: int) -> list[list[str]]:
    return [[ln.text for ln in c.lines] for c in chunks(lines, size)]


def _post(client: Client, texts: list[str] | str) -> Step:
    # source_language "auto": the service's language detection is part of the measured path.
    return lambda: (client.translate(texts, "auto"), 0)[1]


def _burst(port: int, singles: list[str], clients: int, refused: list[int]) -> Step:
    return lambda: (run_concurrent(port, [(t, "auto") for t in singles], clients, refused), 0)[1]


def _timed_phase(contenders: dict[str, list[Step]], servers: dict[str, Server]
                 ) -> tuple[dict[str, Timing], dict[str, dict[str, float]]]:
    """Interleave the contenders; for service contenders, add the server's counters' deltas."""
    before = {name: srv.metrics() for name, srv in servers.items()}
    timings = interleave(contenders)
    deltas = {}
    for name, srv in servers.items():
        after = srv.metrics()
        deltas[name] = {k: after[k] - before[name][k] for k in after}
        t = timings[name]
        timings[name] = Timing(t.seconds, int(deltas[name]["tokens"]))
    return timings, deltas


def _service_row(name: str, lines: list[Line], beam: int, t: Timing, delta: dict[str, float],
                 ratio: float) -> dict[str, Any]:
    r = row(name, lines, beam, t, ratio)
    r["model_share"] = delta["seconds"] / t.seconds  # time inside translate_batch / wall
    r["model_calls"] = int(delta["model_calls"])
    return r


def measure(a: argparse.Namespace, lines: list[Line], conc: list[Line], subset: list[Line],
            s: Settings) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Start the six service configurations, then run the interleaved phases."""
    base = {"fixed_decoding_ratio": str(a.ratio), "translation_cache_size": "0",
            "rate_limit_per_minute": "0"}
    configs = {  # name -> settings; beam 2 is the service default
        "on": {**base, "beam_size": "1"},
        # Unbatched, 16 clients' work really is more than the default 10 s of waiting: this
        # contrast server may queue it all, so that what is measured is throughput.
        "off": {**base, "beam_size": "1", "batch_max_sentences": "1", "batch_window_ms": "0",
                "translate_max_wait_s": "600"},
        # The batching server's twins for 1 and 2N single-sentence clients, so that each
        # contender's counters (time in CT2, model calls) are its own.
        "one": {**base, "beam_size": "1"},
        "two": {**base, "beam_size": "1"},
        "beam4": {**base, "beam_size": "4"},
        "beam2": {**base, "beam_size": "2"},
    }
    facts: dict[str, Any] = {"disk_mb": _dir_mb(CT2_DIR)}
    refused: dict[str, list[int]] = {name: [0] for name in ("on", "off", "one", "two")}
    rows: list[dict[str, Any]] = []
    with ExitStack() as stack:
        srv = {name: stack.enter_context(serve(CT2_DIR, cfg)) for name, cfg in configs.items()}
        facts["ready_s"] = [x.ready_s for x in srv.values()]
        facts["rss_ready_mb"] = max(x.rss_mb()[0] for x in srv.values())
        cli = {name: Client(x.port) for name, x in srv.items()}
        decode = {"max_batch_size": s.max_batch_tokens, "repetition_penalty": s.repetition_penalty,
                  "no_repeat_ngram_size": s.no_repeat_ngram_size,
                  "max_input_length": s.max_sentence_tokens + 2}
        floor = Floor(CT2_DIR, s.inter_threads, s.intra_threads, decode)
        warm = chunks(lines[:4], 4)[0]
        floor.call(warm, 1, a.ratio)
        for name in ("on", "beam4", "beam2"):
            cli[name].translate([ln.text for ln in warm.lines])
        for name in ("off", "one", "two"):
            run_concurrent(srv[name].port, [(ln.text, "auto") for ln in warm.lines], 2)

        # 1. a vs b1, greedy, all inputs, one chunk / request at a time.
        _progress(f"1/4 a vs b1: {len(lines)} inputs greedy")
        big = chunks(lines, a.chunk)
        t, d = _timed_phase({
            "a": [partial(floor.call, c, 1, a.ratio) for c in big],
            "on": [_post(cli["on"], texts) for texts in _requests(lines, a.chunk)],
        }, {"on": srv["on"]})
        rows.append(row("a  floor (CT2 translate_batch)", lines, 1, t["a"], a.ratio))
        rows.append(_service_row("b1 service, 1 client", lines, 1, t["on"], d["on"], a.ratio))

        # 2. single-sentence requests: 1, N and 2N clients on the batching server, N on the
        # unbatched one, and the floor at batch N (translate_batch with N inputs a call, bucketed
        # by length within a round, as the best the batcher could do). Rounds of 8N requests;
        # 503s are counted per contender (the target is none).
        n_c = a.clients
        _progress(f"2/4 single sentences: 1, {n_c}, {2 * n_c} clients, batching on/off, "
                  f"floor at {n_c}: {len(conc)} requests each")
        size = 8 * n_c
        rounds = [conc[i : i + size] for i in range(0, len(conc), size)]
        texts = [[ln.text for ln in r] for r in rounds]
        single = {"on": ("on", n_c), "off": ("off", n_c), "one": ("one", 1),
                  "two": ("two", 2 * n_c)}
        t, d = _timed_phase({
            **{name: [_burst(srv[server].port, r, k, refused[name]) for r in texts]
               for name, (server, k) in single.items()},
            "floor": [partial(floor.call, c, 1, a.ratio) for r in rounds for c in chunks(r, n_c)],
        }, {server: srv[server] for server, _k in single.values()})
        for name, label in (("one", "b1 service, 1 client, single sentences"),
                            ("on", f"b{n_c} service, micro-batching on"),
                            ("off", f"b{n_c} service, micro-batching off"),
                            ("two", f"b{2 * n_c} service, micro-batching on")):
            r = _service_row(label, conc, 1, t[name], d[name], a.ratio)
            r["refused"] = refused[name][0]
            rows.append(r)
        rows.append(row(f"a  floor, {n_c} inputs a call", conc, 1, t["floor"], a.ratio))

        # 3. equal beams on the subset: a, b1 and c, greedy and beam 4.
        _progress(f"3/4 equal beams: a, b1{'' if a.skip_hf else ', c'} on {len(subset)} inputs")
        small = chunks(subset, a.chunk)
        hf = None if a.skip_hf else HuggingFace(HF_DIR, SPM, os.cpu_count() or 2, PAD_ID)
        if hf is not None:
            hf.call(chunks(subset[:4], 4)[0], 1, a.ratio)  # warm-up
        phase: dict[str, list[Step]] = {
            "a1": [partial(floor.call, c, 1, a.ratio) for c in small],
            "a4": [partial(floor.call, c, 4, a.ratio) for c in small],
            "on": [_post(cli["on"], texts) for texts in _requests(subset, a.chunk)],
            "beam4": [_post(cli["beam4"], texts) for texts in _requests(subset, a.chunk)],
        }
        if hf is not None:
            phase["c1"] = [partial(hf.call, c, 1, a.ratio) for c in small]
            phase["c4"] = [partial(hf.call, c, 4, a.ratio) for c in small]
        t, d = _timed_phase(phase, {"on": srv["on"], "beam4": srv["beam4"]})
        for beam, key in ((1, "on"), (4, "beam4")):
            rows.append(row("a  floor", subset, beam, t[f"a{beam}"], a.ratio))
            rows.append(_service_row("b1 service, 1 client", subset, beam, t[key], d[key],
                                     a.ratio))
            if hf is not None:
                rows.append(row("c  transformers fp32", subset, beam, t[f"c{beam}"], a.ratio))
        floor.close()
        if hf is not None:
            hf.close()

        # 4. article latency, greedy and beam 2, alternating, distinct articles (no cache hit).
        _progress(f"4/4 article latency: {a.articles} articles per beam size")
        arts = articles(2 * a.articles)
        lat: dict[str, list[float]] = {"on": [], "beam2": []}
        for i, (text, _lang) in enumerate(arts):
            name = "on" if i % 2 == 0 else "beam2"
            time.sleep(PAUSE_S)
            started = time.perf_counter()
            cli[name].translate(text)
            lat[name].append(time.perf_counter() - started)
        facts["latency_greedy"], facts["latency_beam2"] = lat["on"], lat["beam2"]
        facts["article_chars"] = statistics.mean(len(text) for text, _ in arts)
        facts["rss_after_mb"] = max(x.rss_mb()[0] for x in srv.values())
        facts["rss_peak_mb"] = max(x.rss_mb()[1] for x in srv.values())
        for c in cli.values():
            c.close()
    return rows, facts


def _progress(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _dir_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _find(rows: list[dict[str, Any]], prefix: str, inputs: int, beam: int) -> dict[str, Any]:
    return next(r for r in rows if r["contender"].startswith(prefix)
                and r["inputs"] == inputs and r["beam"] == beam)


def report(a: argparse.Namespace, rows: list[dict[str, Any]], facts: dict[str, Any],
           n: int, m: int, k: int) -> None:
    """Print the table, the latency/memory/start-up facts and the ratios."""
    print(f"\n{'contender':40} {'inputs':>6} {'beam':>4} {'sent/s':>8} {'tok/s':>8} "
          f"{'decoded':>8} {'in CT2':>7} {'calls':>6} {'503s':>5}")
    for r in rows:
        share = f"{100 * r['model_share']:.0f}%" if "model_share" in r else ""
        print(f"{r['contender']:40} {r['inputs']:>6} {r['beam']:>4} {r['sent_s']:8.2f} "
              f"{r['tok_s']:8.1f} {r['decoded_tok_s']:8.1f} {share:>7} "
              f"{r.get('model_calls', ''):>6} {r.get('refused', ''):>5}")
    print("tok/s = useful target tokens (ceil(ratio x source tokens) per sentence) per second; "
          "decoded = tokens the model decoded incl. padding to the longest in its call; "
          "in CT2 = share of wall time inside translate_batch.")
    for beam, key in ((1, "latency_greedy"), (2, "latency_beam2")):
        v = facts[key]
        print(f"article latency, beam {beam}: p50 {_pct(v, .5):.2f} s  p95 {_pct(v, .95):.2f} s  "
              f"({len(v)} distinct articles of ~{facts['article_chars']:.0f} chars, 1 client)")
    limit = 1.3 * facts["disk_mb"] + 150
    print(f"memory (server RSS, max of 6): {facts['rss_ready_mb']:.0f} MB when ready (target <= "
          f"{limit:.0f} MB = 1.3 x {facts['disk_mb']:.0f} MB on disk + 150), "
          f"{facts['rss_after_mb']:.0f} MB after the run, peak {facts['rss_peak_mb']:.0f} MB")
    ready = facts["ready_s"]
    print(f"start to ready: median {statistics.median(ready):.2f} s, max {max(ready):.2f} s "
          f"over {len(ready)} starts (target < 3 s)")
    b1, a1 = _find(rows, "b1", n, 1), _find(rows, "a ", n, 1)
    n_c = a.clients
    on, off = _find(rows, f"b{n_c} service, micro-batching on", m, 1), \
        _find(rows, f"b{n_c} service, micro-batching off", m, 1)
    one, two = _find(rows, "b1 service, 1 client, single", m, 1), \
        _find(rows, f"b{2 * n_c} service", m, 1)
    floor_n = _find(rows, f"a  floor, {n_c} inputs", m, 1)
    print(f"\nratios (useful tok/s):\n  b1/a            {b1['tok_s'] / a1['tok_s']:.2f}   "
          f"(target >= 0.85; {n} inputs, greedy)")
    print(f"  b{n_c} on/off      {on['tok_s'] / off['tok_s']:.2f}   (target >= 2; "
          f"{m} single-sentence requests)")
    print(f"  b{n_c} / b1 single {on['tok_s'] / one['tok_s']:.2f}  (target >= 2: {n_c} clients "
          f"against 1, both sending single sentences)")
    print(f"  b{n_c} / floor at batch {n_c}  {on['tok_s'] / floor_n['tok_s']:.2f}")
    print(f"  b{2 * n_c} / b1 single {two['tok_s'] / one['tok_s']:.2f}")
    print(f"  503s: {one['refused']} at 1 client, {on['refused']} at {n_c}, {two['refused']} at "
          f"{2 * n_c} (target 0), {off['refused']} unbatched")
    for beam in (1, 4):
        b, a_ = _find(rows, "b1", k, beam), _find(rows, "a ", k, beam)
        line = f"  beam {beam}: b1/a {b['tok_s'] / a_['tok_s']:.2f}"
        if not a.skip_hf:
            c = _find(rows, "c ", k, beam)
            line += (f"   b/c {b['tok_s'] / c['tok_s']:.2f}   a/c {a_['tok_s'] / c['tok_s']:.2f}"
                     "   (target b/c >= 3)")
        print(line + f"   ({k}-input subset)")


def main(argv: list[str] | None = None) -> int:
    """Run every contender and print the table."""
    a = parse_args(argv)
    need_hf = not a.skip_hf and not a.tune
    if not (CT2_DIR / "model.bin").is_file() or (need_hf and not HF_DIR.is_dir()):
        print("models missing: run  python bench/build_big_model.py", file=sys.stderr)
        return 2
    s = Settings(_env_file=None)  # the service's defaults, not this machine's environment
    sp = spm.SentencePieceProcessor(model_file=str(SPM))
    if a.tune:
        print(f"load before: {os.getloadavg()[0]:.2f} (1-min avg, {os.cpu_count()} cores)")
        run_tune(a, CT2_DIR, load_lines(sp, a.tune_sentences), s)
        print(f"\nload after: {os.getloadavg()[0]:.2f}")
        return 0
    n, m, k = a.sentences, min(a.concurrent_sentences, a.sentences), min(a.subset, a.sentences)
    lines = load_lines(sp, n)
    conc, subset = lines[:m], lines[:k]
    print(f"load before: {os.getloadavg()[0]:.2f} (1-min avg, {os.cpu_count()} cores)")
    print(f"inputs: {n} FLORES dev lines (nb+sv, {sum(len(x.segments) for x in lines)} sentences"
          f" after segmentation) for a and b1; first {m} for b{a.clients}; first {k} for beam 4 "
          f"and transformers{' (skipped)' if a.skip_hf else ''}. Fixed decoding ratio {a.ratio}, "
          f"{a.chunk} inputs per call, service defaults: inter_threads {s.inter_threads} x "
          f"intra_threads {s.intra_threads}, window {s.batch_window_ms} ms; cache off.")
    started = time.perf_counter()
    rows, facts = measure(a, lines, conc, subset, s)
    report(a, rows, facts, n, m, k)
    print(f"\nload after: {os.getloadavg()[0]:.2f}; run took {time.perf_counter() - started:.0f} s")
    if a.json:
        a.json.parent.mkdir(parents=True, exist_ok=True)
        a.json.write_text(json.dumps({"rows": rows, "facts": facts}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
