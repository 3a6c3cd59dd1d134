// Placeholder until the bonus benchmarks land.
export async function run(): Promise<void> {
  console.log('bonus: no benchmark yet');
}
