/** The hash slot of a Redis Cluster key (CRC16 of the key or of its {hash tag}, mod 16384). */
declare module "cluster-key-slot" {
  export default function calculateSlot(key: string): number;
}
