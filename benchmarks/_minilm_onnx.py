"""An ONNX graph of a BERT encoder + mean pooling + linear head, built from plain weight arrays.

Why by hand: the graph is small and fixed (MiniLM-L6: 6 layers, 12 heads, hidden 384), and
building it from the weights needs neither torch's exporter (which changes between releases
and now wants onnxscript) nor transformers. Inputs `input_ids` and `attention_mask` (int64,
[batch, tokens]); output `logit` ([batch]). Token types are all 0 and folded into the position
table. Used by `train_checkworthiness_accurate.py`; needs `onnx` (training venv only).
"""

from __future__ import annotations

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HEADS = 12
OPSET = 17
MASKED = -10000.0
"""Added to the attention logits of padding tokens (as BERT does): their weight is ~0."""


class GraphBuilder:
    """Nodes and initializers with unique names; one method per operation used."""

    def __init__(self) -> None:
        self.nodes: list[onnx.NodeProto] = []
        self.initializers: list[onnx.TensorProto] = []
        self.count = 0

    def name(self, stem: str) -> str:
        self.count += 1
        return f"{stem}_{self.count}"

    def const(self, stem: str, value: np.ndarray) -> str:
        name = self.name(stem)
        self.initializers.append(numpy_helper.from_array(value, name))
        return name

    def op(self, kind: str, inputs: list[str], **attributes: object) -> str:
        out = self.name(kind.lower())
        self.nodes.append(helper.make_node(kind, inputs, [out], **attributes))
        return out

    def linear(self, x: str, weight: np.ndarray, bias: np.ndarray, stem: str) -> str:
        """x @ weight.T + bias, weight as torch stores it ([out, in])."""
        w = self.const(f"{stem}.weight", np.ascontiguousarray(weight.T.astype(np.float32)))
        b = self.const(f"{stem}.bias", bias.astype(np.float32))
        return self.op("Add", [self.op("MatMul", [x, w]), b])

    def layer_norm(self, x: str, weight: np.ndarray, bias: np.ndarray, stem: str) -> str:
        w = self.const(f"{stem}.weight", weight.astype(np.float32))
        b = self.const(f"{stem}.bias", bias.astype(np.float32))
        return self.op("LayerNormalization", [x, w, b], axis=-1, epsilon=1e-12)


def build_graph(params: dict[str, np.ndarray]) -> onnx.ModelProto:
    """The encoder graph for `params` named as in `train_checkworthiness_accurate.Encoder`."""
    g = GraphBuilder()
    hidden = params["word_embeddings"].shape[1]
    head_size = hidden // HEADS
    layers = sum(1 for k in params if k.endswith(".query.weight"))

    words = g.const("word_embeddings", params["word_embeddings"].astype(np.float32))
    positions = params["position_embeddings"] + params["token_type_embeddings"][0]
    table = g.const("position_embeddings", positions.astype(np.float32))
    length = g.op("Gather", [g.op("Shape", ["input_ids"]), g.const("one", np.array(1))], axis=0)
    ends = g.op("Unsqueeze", [length, g.const("axis0", np.array([0]))])
    positional = g.op("Slice", [table, g.const("zero", np.array([0])), ends])
    x = g.op("Add", [g.op("Gather", [words, "input_ids"], axis=0), positional])
    x = g.layer_norm(x, params["embeddings_norm.weight"], params["embeddings_norm.bias"], "emb")

    mask = g.op("Cast", ["attention_mask"], to=TensorProto.FLOAT)
    keys_mask = g.op("Unsqueeze", [mask, g.const("axes12", np.array([1, 2]))])
    inverse = g.op("Sub", [g.const("one_f", np.array(1.0, dtype=np.float32)), keys_mask])
    bias = g.op("Mul", [inverse, g.const("masked", np.array(MASKED, dtype=np.float32))])
    split_shape = g.const("split", np.array([0, 0, HEADS, head_size]))
    merge_shape = g.const("merge", np.array([0, 0, hidden]))
    scale = g.const("scale", np.array(1.0 / np.sqrt(head_size), dtype=np.float32))
    half = g.const("half", np.array(0.5, dtype=np.float32))
    root2 = g.const("root2", np.array(np.sqrt(2.0), dtype=np.float32))
    one = g.const("one_g", np.array(1.0, dtype=np.float32))

    def heads(t: str, perm: list[int]) -> str:
        return g.op("Transpose", [g.op("Reshape", [t, split_shape])], perm=perm)

    for i in range(layers):
        p = f"layers.{i}."

        def lin(x_in: str, part: str, prefix: str = p) -> str:
            return g.linear(
                x_in,
                params[f"{prefix}{part}.weight"],
                params[f"{prefix}{part}.bias"],
                prefix + part,
            )

        q = heads(lin(x, "query"), [0, 2, 1, 3])
        k = heads(lin(x, "key"), [0, 2, 3, 1])
        v = heads(lin(x, "value"), [0, 2, 1, 3])
        scores = g.op("Add", [g.op("Mul", [g.op("MatMul", [q, k]), scale]), bias])
        context = g.op("MatMul", [g.op("Softmax", [scores], axis=-1), v])
        context = g.op("Reshape", [g.op("Transpose", [context], perm=[0, 2, 1, 3]), merge_shape])
        x = g.layer_norm(
            g.op("Add", [x, lin(context, "output")]),
            params[p + "attention_norm.weight"],
            params[p + "attention_norm.bias"],
            p + "attention_norm",
        )
        h = lin(x, "intermediate")
        erf = g.op("Erf", [g.op("Div", [h, root2])])
        h = g.op("Mul", [g.op("Mul", [h, half]), g.op("Add", [erf, one])])
        x = g.layer_norm(
            g.op("Add", [x, lin(h, "ffn_output")]),
            params[p + "ffn_norm.weight"],
            params[p + "ffn_norm.bias"],
            p + "ffn_norm",
        )

    token_mask = g.op("Unsqueeze", [mask, g.const("axis2", np.array([2]))])
    summed = g.op(
        "ReduceSum", [g.op("Mul", [x, token_mask]), g.const("axis1", np.array([1]))], keepdims=0
    )
    counted = g.op("ReduceSum", [token_mask, g.const("axis1b", np.array([1]))], keepdims=0)
    floor = g.const("floor", np.array(1e-9, dtype=np.float32))
    pooled = g.op("Div", [summed, g.op("Max", [counted, floor])])
    logit = g.linear(pooled, params["head.weight"], params["head.bias"], "head")
    g.nodes.append(
        helper.make_node("Squeeze", [logit, g.const("axis_1", np.array([1]))], ["logit"])
    )

    graph = helper.make_graph(
        g.nodes,
        "checkworthiness-minilm",
        [
            helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "tokens"]),
            helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "tokens"]),
        ],
        [helper.make_tensor_value_info("logit", TensorProto.FLOAT, ["batch"])],
        g.initializers,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)])
    model.ir_version = 8
    model.producer_name = "extract benchmarks/train_checkworthiness_accurate.py"
    onnx.checker.check_model(model)
    return model
