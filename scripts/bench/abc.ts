// Placeholder until the abc benchmarks land.
export async function run(): Promise<void> {
  console.log('abc: no benchmark yet');
}
