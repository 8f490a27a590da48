archfolioSearch.shard(5,{"zones":"02123311533271412l14l141"});
