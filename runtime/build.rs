//! Builds the runtime to Wasm (target `wasm32v1-none`) with `substrate-wasm-builder`. With the
//! `metadata-hash` feature the metadata's hash is embedded, so that `CheckMetadataHash` can be
//! enabled by wallets (the extension and hardware wallets verify what they sign).

fn main() {
	#[cfg(all(feature = "std", feature = "metadata-hash"))]
	{
		substrate_wasm_builder::WasmBuilder::init_with_defaults()
			.enable_metadata_hash("OSTR", 12)
			.build();
	}
	#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
	{
		substrate_wasm_builder::WasmBuilder::build_using_defaults();
	}
}
