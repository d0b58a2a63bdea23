import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import java.nio.FloatBuffer;

public class ColSum {
  public static void main(String[] args) {
    int R = 4096, C = 1024;
    Nd4j.getRandom().setSeed(1);
    INDArray x = Nd4j.randn(DataType.FLOAT, R, C);
    INDArray y = Nd4j.randn(DataType.FLOAT, C);
    INDArray g = Nd4j.randn(DataType.FLOAT, R, C);
    INDArray gx = Nd4j.create(DataType.FLOAT, R, C), gy = Nd4j.create(DataType.FLOAT, C);
    INDArray rs = Nd4j.create(DataType.FLOAT, C);
    float[] acc = new float[C];
    for (int r = 0; r < 6; r++) {
      long t0 = System.nanoTime();
      Nd4j.exec(DynamicCustomOp.builder("add_bp").addInputs(x, y, g).addOutputs(gx, gy).build());
      long t1 = System.nanoTime();
      Nd4j.exec(DynamicCustomOp.builder("reduce_sum").addInputs(g).addOutputs(rs).addIntegerArguments(0).build());
      long t2 = System.nanoTime();
      FloatBuffer b = g.data().asNioFloat();
      java.util.Arrays.fill(acc, 0f);
      for (int i = 0; i < R; i++) { int o = i * C; for (int j = 0; j < C; j++) acc[j] += b.get(o + j); }
      long t3 = System.nanoTime();
      int same = 0, sameRs = 0; double maxd = 0;
      for (int j = 0; j < C; j++) { if (Float.floatToIntBits(acc[j]) == Float.floatToIntBits(gy.getFloat(j))) same++;
        if (gy.getFloat(j) == rs.getFloat(j)) sameRs++; maxd = Math.max(maxd, Math.abs(acc[j]-gy.getFloat(j))); }
      System.out.printf("add_bp %.2f ms reduce_sum %.2f ms java %.2f ms; java==add_bp %d/%d (max %.3g), reduce_sum==add_bp %d%n",
        (t1-t0)/1e6, (t2-t1)/1e6, (t3-t2)/1e6, same, C, maxd, sameRs);
    }
  }
}
