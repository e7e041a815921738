"""The reader: the first layers of bge-small-en-v1.5 reading "[CLS] question [SEP] passage [SEP]",
and one logit from the CLS vector: log-odds that this passage answers the question."""
import torch
from torch import nn
from transformers import BertConfig, BertModel

from bge_to_torch import BGE_SMALL


class Reader(nn.Module):
    def __init__(self, layers):
        super().__init__()
        self.bert = BertModel(BertConfig(**dict(BGE_SMALL, num_hidden_layers=layers)), add_pooling_layer=False)
        self.dropout = nn.Dropout(0.1)
        self.head = nn.Linear(BGE_SMALL["hidden_size"], 1)

    def forward(self, input_ids, attention_mask, token_type_ids):
        cls = self.bert(input_ids=input_ids, attention_mask=attention_mask,
                        token_type_ids=token_type_ids).last_hidden_state[:, 0]
        return self.head(self.dropout(cls)).squeeze(-1)

    @staticmethod
    def from_bge(bge_state, layers):
        reader = Reader(layers)
        keep = {k: v for k, v in bge_state.items()
                if not k.startswith("encoder.layer.") or int(k.split(".")[2]) < layers}
        missing, unexpected = reader.bert.load_state_dict(keep, strict=False)
        missing = [m for m in missing if "position_ids" not in m]
        assert not missing and not unexpected, (missing, unexpected)
        return reader
